using SortStation.Central;

// Commands live in Commands/; this host only wires them up.
return await CentralCli.Create(TimeProvider.System).Parse(args).InvokeAsync();
