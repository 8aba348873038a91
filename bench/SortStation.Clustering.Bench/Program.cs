using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using SortStation.Clustering;
using SortStation.Clustering.Bench;

// Usage: dotnet run -c Release --project bench/SortStation.Clustering.Bench -- [--n 1000000] [--silhouette-n 20000]
//        [--n-init 10] [--k-range 2-10] [--seed 1] [--out bench-results.json] [--python /usr/bin/python3] [--no-sklearn]
var opts = BenchArgs.Parse(args);
var time = TimeProvider.System;
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };

var raw = SyntheticWeighings.Create(opts.N, opts.Seed);
var temp = Directory.CreateTempSubdirectory("sortstation-bench-").FullName;
var dataPath = Path.Combine(temp, "data.bin");
await File.WriteAllBytesAsync(dataPath, MemoryMarshal.AsBytes(raw.AsSpan()).ToArray(), cts.Token);

// Warm-up on a small slice so JIT tiering is not billed to the first k.
var warm = new FeatureMatrix(["weight_kg", "unit_price"], raw[..20_000]);
ElbowAnalysis.Run(warm, 2, 10, new KMeansOptions { NInit = 2 }, null, cts.Token);
Silhouette.Exact(warm, KMeans.Fit(warm, new KMeansOptions { K = 2, NInit = 1 }, cts.Token).Labels, cts.Token);

var cpuStart = Environment.CpuUsage.TotalTime;
var start = time.GetTimestamp();
var matrix = new FeatureMatrix(["weight_kg", "unit_price"], (double[])raw.Clone());
var scaled = Scaler.Fit(matrix, ScalingMethod.Standard).Transform(matrix);
var elbow = ElbowAnalysis.Run(scaled, opts.KMin, opts.KMax, new KMeansOptions { NInit = opts.NInit, Seed = (ulong)opts.Seed }, null, cts.Token);
var elbowSeconds = time.GetElapsedTime(start).TotalSeconds;
var elbowCpu = (Environment.CpuUsage.TotalTime - cpuStart).TotalSeconds;

var fitK3 = elbow.Fits[Math.Clamp(3 - opts.KMin, 0, elbow.Fits.Count - 1)];
var sampleRows = Enumerable.Range(0, opts.SilhouetteN).ToArray();
var labels = sampleRows.Select(i => fitK3.Labels[i]).ToArray();
var labelsPath = Path.Combine(temp, "labels.bin");
await File.WriteAllBytesAsync(labelsPath, MemoryMarshal.AsBytes(labels.AsSpan()).ToArray(), cts.Token);
var silData = scaled.SelectRows(sampleRows);
cpuStart = Environment.CpuUsage.TotalTime;
start = time.GetTimestamp();
var silhouette = Silhouette.Exact(silData, labels, cts.Token);
var silSeconds = time.GetElapsedTime(start).TotalSeconds;
var silCpu = (Environment.CpuUsage.TotalTime - cpuStart).TotalSeconds;

JsonDocument? sk = null;
if (!opts.NoSklearn)
{
    Console.WriteLine($"running scikit-learn ({opts.Python}) on the same data...");
    string[] pyArgs = [dataPath, Num(opts.N), "2", labelsPath, Num(opts.SilhouetteN), Num(opts.KMin), Num(opts.KMax), Num(opts.NInit), Num(opts.Seed)];
    sk = await SklearnRunner.RunAsync(opts.Python, BenchArgs.FindScript(), pyArgs, cts.Token);
}

var skRoot = sk?.RootElement;
var skElbow = skRoot?.GetProperty("elbow").EnumerateArray().ToDictionary(e => e.GetProperty("k").GetInt32(), e => e.GetProperty("sse").GetDouble());
var scenarios = new[]
{
    new ScenarioResult($"elbow k={opts.KMin}..{opts.KMax}, n_init {opts.NInit}, {opts.N:N0} x 2 (scale + k-means)", elbowSeconds, skRoot?.GetProperty("elbowSeconds").GetDouble(), elbowCpu, SkCpu("elbowCpuSeconds"), Inv($"CPU time: SortStation {elbowCpu:F2} s, scikit-learn {SkCpu("elbowCpuSeconds"):F2} s")),
    new ScenarioResult($"exact silhouette, {opts.SilhouetteN:N0} points, k=3", silSeconds, skRoot?.GetProperty("silhouetteSeconds").GetDouble(), silCpu, SkCpu("silhouetteCpuSeconds"),
        Inv($"CPU time: SortStation {silCpu:F2} s, scikit-learn {SkCpu("silhouetteCpuSeconds"):F2} s; value {silhouette:F12} vs scikit-learn {skRoot?.GetProperty("silhouette").GetDouble():F12}")),
};

var load = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg", cts.Token)).Trim() : "n/a";
Console.WriteLine(Inv($"load average at end: {load}"));
Console.WriteLine(Inv($"cores {Environment.ProcessorCount}, .NET {Environment.Version}, scikit-learn {skRoot?.GetProperty("sklearn").GetString() ?? "n/a"}"));
foreach (var s in scenarios)
{
    Console.WriteLine(Inv($"{s.Scenario}: SortStation {s.SortStationSeconds:F2} s | scikit-learn {s.SklearnSeconds:F2} s | ratio sklearn/SortStation {s.Ratio:F2}x (CPU {s.CpuRatio:F2}x) | {s.Detail}"));
}

var perK = elbow.Points.Select(p => new
{
    k = p.K,
    sse = p.Sse,
    sklearnSse = skElbow?.GetValueOrDefault(p.K),
    sseRatio = skElbow is null ? (double?)null : p.Sse / skElbow[p.K],
}).ToList();
foreach (var p in perK)
{
    Console.WriteLine(Inv($"  k={p.k}: SSE {p.sse:F3} | scikit-learn {p.sklearnSse:F3} | ours/sklearn {p.sseRatio:F5}"));
}

var results = new
{
    machine = new { loadAverageAtEnd = load, cores = Environment.ProcessorCount, runtime = RuntimeInformation.FrameworkDescription, os = RuntimeInformation.OSDescription },
    parameters = opts,
    scenarios = scenarios.Select(s => new { s.Scenario, s.SortStationSeconds, s.SklearnSeconds, s.SortStationCpuSeconds, s.SklearnCpuSeconds, ratioSklearnOverSortStation = s.Ratio, cpuRatio = s.CpuRatio, s.Detail }),
    elbow = perK,
    silhouette,
    sklearn = skRoot,
};
var outPath = Path.GetFullPath(opts.Out);
await File.WriteAllTextAsync(outPath, JsonSerializer.Serialize(results, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }), cts.Token);
Console.WriteLine($"results written to {outPath}");
Directory.Delete(temp, recursive: true);
return 0;

double? SkCpu(string name) => skRoot is { } r && r.TryGetProperty(name, out var v) ? v.GetDouble() : null;

static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);
