using System.Globalization;

namespace SortStation.Bench;

/// <summary>
/// Command line of the station benchmark. <c>--quick</c> is a smoke run for CI, not a measurement. <c>--model PATH</c>
/// benchmarks another .onnx (e.g. the int8 variant; its metadata.json is read from beside it) instead of Model:Path's default.
/// <c>--outbox memory</c> swaps the SQLite outbox for the in-memory one: not the station, an attribution of the commits' cost.
/// <c>--threads N</c> sets Model:IntraOpThreads for the station and its raw baseline alike (2: appsettings.json's default);
/// <c>--workers N</c> sets Model:Workers for the <c>loop</c> scenario (1: the default).
/// </summary>
internal sealed record BenchArguments(int Iterations, int Warmup, int MemoryItems, double ThroughputSeconds, int StartupRuns, string Output, string? Image, string? Model = null, string? Only = null, string Outbox = "sqlite", int Threads = 2, int Workers = 1)
{
    public static BenchArguments Parse(string[] args)
    {
        var a = new BenchArguments(1600, 200, 100_000, 20, 5, Path.Combine("artifacts", "bench", "station.json"), null);
        for (var i = 0; i < args.Length; i++)
        {
            a = args[i] switch
            {
                "--quick" => a with { Iterations = 10, Warmup = 3, MemoryItems = 200, ThroughputSeconds = 1, StartupRuns = 1 },
                "--iterations" => a with { Iterations = Int(args[++i]) },
                "--warmup" => a with { Warmup = Int(args[++i]) },
                "--memory-items" => a with { MemoryItems = Int(args[++i]) },
                "--throughput-seconds" => a with { ThroughputSeconds = double.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--startup-runs" => a with { StartupRuns = Int(args[++i]) },
                "--out" => a with { Output = args[++i] },
                "--image" => a with { Image = args[++i] },
                "--model" => a with { Model = args[++i] },
                "--only" => a with { Only = args[++i] },
                "--threads" => a with { Threads = Int(args[++i]) is var t and >= 1 ? t : throw new ArgumentException($"--threads {args[i]}: at least 1") },
                "--workers" => a with { Workers = Int(args[++i]) is var w and >= 1 ? w : throw new ArgumentException($"--workers {args[i]}: at least 1") },
                "--outbox" => a with { Outbox = args[++i] is "sqlite" or "memory" ? args[i] : throw new ArgumentException($"--outbox {args[i]}: use sqlite (the station's) or memory (to see what the SQLite commits cost)") },
                _ => throw new ArgumentException($"unknown argument {args[i]}; see bench/README.md"),
            };
        }

        return a;
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
}
