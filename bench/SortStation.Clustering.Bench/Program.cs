using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using SortStation.Clustering;
using SortStation.Clustering.Bench;

// Usage: dotnet run -c Release --project bench/SortStation.Clustering.Bench -- [--n 1000000] [--silhouette-n 20000]
//        [--n-init 10] [--k-range 2-10] [--seed 1] [--repeats 3] [--openblas DIR] [--out bench-results.json]
//        [--python /usr/bin/python3] [--no-sklearn]
// Every measurement runs in a process of its own, C# and scikit-learn alternating (bench/README.md).
var opts = BenchArgs.Parse(args);
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
if (opts.Child is not null)
{
    return await ChildRun.RunAsync(opts, cts.Token);
}

var raw = SyntheticWeighings.Create(opts.N, opts.Seed);
var temp = Directory.CreateTempSubdirectory("sortstation-bench-").FullName;
var dataPath = Path.Combine(temp, "data.bin");
await File.WriteAllBytesAsync(dataPath, MemoryMarshal.AsBytes(raw.AsSpan()).ToArray(), cts.Token);

// The silhouette's labels: K-Means k = 3 on the scaled data (not timed), first --silhouette-n rows.
var scaled = Scaler.Fit(new FeatureMatrix(["weight_kg", "unit_price"], raw), ScalingMethod.Standard).Transform(new FeatureMatrix(["weight_kg", "unit_price"], raw));
var fit = KMeans.Fit(scaled, new KMeansOptions { K = 3, NInit = opts.NInit, Seed = (ulong)opts.Seed }, cts.Token);
var labelsPath = Path.Combine(temp, "labels.bin");
await File.WriteAllBytesAsync(labelsPath, MemoryMarshal.AsBytes(fit.Labels.Take(opts.SilhouetteN).ToArray().AsSpan()).ToArray(), cts.Token);

var blas = opts.NoSklearn ? null : Runners.FindOpenBlas(opts);
if (!opts.NoSklearn && blas is null)
{
    Console.WriteLine("WARNING: no OpenBLAS found (scripts/bench.sh fetches Debian's libopenblas0-pthread into artifacts/openblas); scikit-learn runs on the system's libblas.so.3, which favours the C# side if it is the reference BLAS");
}

var runs = new Runs();
var load = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg", cts.Token)).Trim() : "n/a";
for (var r = 0; r < opts.Repeats; r++)
{
    // C# first in even repeats, scikit-learn first in odd ones: drift in the machine hits both sides alike.
    foreach (var side in r % 2 == 0 ? new[] { "csharp", "sklearn" } : ["sklearn", "csharp"])
    {
        Console.WriteLine($"repeat {r + 1}/{opts.Repeats}: {(side == "csharp" ? "SortStation (elbow on all cores; silhouette on 1 core, then all)" : "scikit-learn")} …");
        if (side == "csharp")
        {
            runs.Elbow.Add(await Runners.CSharpAsync(opts, "elbow", dataPath, labelsPath, null, cts.Token) ?? throw new InvalidOperationException("C# elbow failed"));
            runs.SilhouetteOne.Add(await Runners.CSharpAsync(opts, "silhouette", dataPath, labelsPath, 1, cts.Token) ?? throw new InvalidOperationException("C# silhouette failed"));
            runs.SilhouetteAll.Add(await Runners.CSharpAsync(opts, "silhouette", dataPath, labelsPath, null, cts.Token) ?? throw new InvalidOperationException("C# silhouette failed"));
        }
        else if (!opts.NoSklearn && await Runners.SklearnAsync(opts, dataPath, labelsPath, blas, cts.Token) is { } sk)
        {
            runs.Sklearn.Add(sk);
        }
    }
}

var loadEnd = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg", cts.Token)).Trim() : "n/a";
var report = Report.Build(opts, runs, blas);
Console.WriteLine(Inv($"load average at start: {load}; at end: {loadEnd}"));
Console.WriteLine(Inv($"cores {Environment.ProcessorCount}, .NET {Environment.Version}, scikit-learn {report.SklearnVersion ?? "n/a"} on {report.BlasSummary}"));
report.Lines.ForEach(Console.WriteLine);

var results = new
{
    machine = new { loadAverageAtStart = load, loadAverageAtEnd = loadEnd, cores = Environment.ProcessorCount, runtime = RuntimeInformation.FrameworkDescription, os = RuntimeInformation.OSDescription },
    parameters = opts,
    reference = new { blas = report.BlasSummary, blasDirectory = blas, sklearn = report.SklearnVersion, threads = "elbow: both sides on all cores (SortStation: .NET thread pool; scikit-learn: OpenMP + BLAS); silhouette: both on 1 thread (SortStation under taskset -c 0; scikit-learn under threadpoolctl limits 1), SortStation also on all cores" },
    scenarios = report.Scenarios,
    elbow = report.PerK,
    silhouette = report.SilhouetteValue,
    sklearn = runs.Sklearn.LastOrDefault(),
};
var outPath = Path.GetFullPath(opts.Out);
await File.WriteAllTextAsync(outPath, JsonSerializer.Serialize(results, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }), cts.Token);
Console.WriteLine($"results written to {outPath}");
Directory.Delete(temp, recursive: true);
return 0;

static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
