using SortStation.Bench;

return await StationBench.RunAsync(BenchArguments.Parse(args));
