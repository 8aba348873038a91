using SortStation.Commands;

return await StationCli.Create().Parse(args).InvokeAsync();
