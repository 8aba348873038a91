using SortStation.Central.Web.Bench;

// seed | load: see bench/README.md and the README's performance table.
return await ConsoleBench.RunAsync(args);
