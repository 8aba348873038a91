using System.Globalization;

namespace SortStation.Clustering.Bench;

/// <summary>
/// Command line (bench/README.md). <c>--repeats R</c>: C# and scikit-learn runs alternate R times (order swapped
/// every other repeat). <c>--openblas DIR</c>: the folder whose libblas.so.3 the scikit-learn process loads
/// (default: Debian's openblas-pthread folder, system-wide or fetched by scripts/bench.sh into artifacts/openblas).
/// <c>--child elbow|silhouette</c> is internal: one C# measurement in a process of its own.
/// </summary>
internal sealed record BenchArgs(int N, int SilhouetteN, int NInit, int KMin, int KMax, int Seed, string Out, string Python, bool NoSklearn)
{
    public int Repeats { get; init; } = 3;

    public string? OpenBlas { get; init; }

    public string? Child { get; init; }

    public string? DataPath { get; init; }

    public string? LabelsPath { get; init; }

    public static BenchArgs Parse(string[] args)
    {
        string? Find(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        string Get(string name, string fallback) => Find(name) ?? fallback;
        int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var range = Get("--k-range", "2-10").Split('-');
        return new BenchArgs(
            Int("--n", 1_000_000),
            Int("--silhouette-n", 20_000),
            Int("--n-init", 10),
            int.Parse(range[0], CultureInfo.InvariantCulture),
            int.Parse(range[1], CultureInfo.InvariantCulture),
            Int("--seed", 1),
            Get("--out", "bench-results.json"),
            Get("--python", "/usr/bin/python3"),
            args.Contains("--no-sklearn"))
        {
            Repeats = Math.Max(1, Int("--repeats", 3)),
            OpenBlas = Find("--openblas"),
            Child = Find("--child"),
            DataPath = Find("--data"),
            LabelsPath = Find("--labels"),
        };
    }

    /// <summary>A file of the checkout (bench/sklearn_kmeans_bench.py, artifacts/…), found by walking up from the binary or the working directory.</summary>
    public static string? FindInRepo(string relative)
    {
        foreach (var origin in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate) || Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static string FindScript() =>
        FindInRepo(Path.Combine("bench", "sklearn_kmeans_bench.py")) ?? throw new FileNotFoundException("bench/sklearn_kmeans_bench.py not found");
}
