using System.Globalization;

namespace SortStation.Bench;

/// <summary>
/// Command line of the station benchmark (bench/README.md lists every option). <c>--quick</c> is a smoke run for CI,
/// not a measurement. <c>--threads</c>/<c>--workers</c> default to <c>auto</c>, as the station does; <c>--set</c>
/// changes a <c>Model:*</c> key of the measured configuration; each <c>--variant</c> adds a configuration that the
/// <c>loop</c> and <c>overhead</c> scenarios measure beside it, block by block.
/// </summary>
internal sealed record BenchArguments(int Iterations, int Warmup, int MemoryItems, double ThroughputSeconds, int StartupRuns, string Output, string? Image, string? Model = null, string? Only = null, string Outbox = "sqlite", int? Threads = null, int? Workers = null)
{
    /// <summary>Alternating blocks of the <c>loop</c> scenario (each: the raw ways, then every configuration).</summary>
    public int Blocks { get; init; } = 12;

    /// <summary>Seconds of each raw or station block of the <c>loop</c> scenario.</summary>
    public double BlockSeconds { get; init; } = 2;

    /// <summary>
    /// <c>--warmup-seconds</c>: how long each configuration of <c>loop</c> and <c>overhead</c> runs before anything
    /// is measured. The station runs for months: its steady state is after tiered JIT has recompiled its hot path,
    /// which took 14 % of the CPU in the first second of a loop and still shows in the next few (perf, session 9).
    /// </summary>
    public double WarmupSeconds { get; init; } = 6;

    /// <summary><c>--set KEY=VALUE[,KEY=VALUE]</c>: Model:* keys of the base configuration.</summary>
    public IReadOnlyList<string> Set { get; init; } = [];

    /// <summary><c>--variant [NAME:]KEY=VALUE[,…]</c>: further configurations, each on top of the base.</summary>
    public IReadOnlyList<string> Variants { get; init; } = [];

    /// <summary><c>--sizes DIR[,DIR…]</c>: model folders for <c>--only sizes</c>.</summary>
    public IReadOnlyList<string> SizeFolders { get; init; } = [];

    /// <summary><c>--split FILE</c>: photo list (relative to <see cref="Data"/>) for the accuracy column of <c>sizes</c>.</summary>
    public string Split { get; init; } = Path.Combine("models", "splits", "test.txt");

    /// <summary><c>--data DIR</c>: the TrashNet folder (default ../shared/data/trashnet beside the checkout).</summary>
    public string? Data { get; init; }

    public static BenchArguments Parse(string[] args)
    {
        var a = new BenchArguments(2400, 200, 100_000, 20, 5, Path.Combine("artifacts", "bench", "station.json"), null);
        for (var i = 0; i < args.Length; i++)
        {
            a = args[i] switch
            {
                "--quick" => a with { Iterations = 10, Warmup = 3, MemoryItems = 200, ThroughputSeconds = 1, StartupRuns = 1, Blocks = 3, BlockSeconds = 0.5, WarmupSeconds = 0.5 },
                "--iterations" => a with { Iterations = Int(args[++i]) },
                "--warmup" => a with { Warmup = Int(args[++i]) },
                "--memory-items" => a with { MemoryItems = Int(args[++i]) },
                "--throughput-seconds" => a with { ThroughputSeconds = Double(args[++i]) },
                "--blocks" => a with { Blocks = Int(args[++i]) is var b and >= 1 ? b : throw new ArgumentException($"--blocks {args[i]}: at least 1") },
                "--warmup-seconds" => a with { WarmupSeconds = Double(args[++i]) is var w and >= 0 ? w : throw new ArgumentException($"--warmup-seconds {args[i]}: 0 or more") },
                "--block-seconds" => a with { BlockSeconds = Double(args[++i]) is var s and > 0 ? s : throw new ArgumentException($"--block-seconds {args[i]}: above 0") },
                "--startup-runs" => a with { StartupRuns = Int(args[++i]) },
                "--out" => a with { Output = args[++i] },
                "--image" => a with { Image = args[++i] },
                "--model" => a with { Model = args[++i] },
                "--only" => a with { Only = args[++i] },
                "--threads" => a with { Threads = Count(args[++i], "--threads") },
                "--workers" => a with { Workers = Count(args[++i], "--workers") },
                "--set" => a with { Set = [.. a.Set, args[++i]] },
                "--variant" => a with { Variants = [.. a.Variants, args[++i]] },
                "--sizes" => a with { SizeFolders = [.. a.SizeFolders, .. args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries)] },
                "--split" => a with { Split = args[++i] },
                "--data" => a with { Data = args[++i] },
                "--outbox" => a with { Outbox = args[++i] is "sqlite" or "memory" ? args[i] : throw new ArgumentException($"--outbox {args[i]}: use sqlite (the station's) or memory (to see what the SQLite commits cost)") },
                _ => throw new ArgumentException($"unknown argument {args[i]}; see bench/README.md"),
            };
        }

        return a;
    }

    /// <summary>The base configuration: appsettings.json, then --threads/--workers, then --set.</summary>
    public BenchConfig Base => BenchConfig.Create(null, BaseSettings);

    /// <summary>The base configuration first, then each --variant on top of it.</summary>
    public IReadOnlyList<BenchConfig> Configurations => [Base, .. Variants.Select(v =>
    {
        var colon = v.IndexOf(':', StringComparison.Ordinal);
        var equals = v.IndexOf('=', StringComparison.Ordinal);
        // "NAME:KEY=VALUE": a name is what comes before the first ':' when that ':' comes before any '=' and the
        // rest is not a section key ("Model:…" is a key, not a name).
        var named = colon > 0 && (equals < 0 || colon < equals) && !v.StartsWith("Model:", StringComparison.OrdinalIgnoreCase) && !v.StartsWith("Outbox:", StringComparison.OrdinalIgnoreCase);
        return BenchConfig.Create(named ? v[..colon] : null, BenchConfig.ParseSettings(named ? v[(colon + 1)..] : v), BaseSettings);
    })];

    private Dictionary<string, string> BaseSettings
    {
        get
        {
            var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (Threads is { } t)
            {
                settings["Model:IntraOpThreads"] = t.ToString(CultureInfo.InvariantCulture);
            }

            if (Workers is { } w)
            {
                settings["Model:Workers"] = w.ToString(CultureInfo.InvariantCulture);
            }

            foreach (var (key, value) in Set.SelectMany(s => BenchConfig.ParseSettings(s)))
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    private static int? Count(string text, string option) =>
        text.Equals("auto", StringComparison.OrdinalIgnoreCase) ? null
        : Int(text) is var n and >= 1 ? n : throw new ArgumentException($"{option} {text}: at least 1, or auto");

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static double Double(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
