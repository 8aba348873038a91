using System.Globalization;

namespace SortStation.Clustering.Bench;

internal sealed record BenchArgs(int N, int SilhouetteN, int NInit, int KMin, int KMax, int Seed, string Out, string Python, bool NoSklearn)
{
    public static BenchArgs Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

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
            args.Contains("--no-sklearn"));
    }

    /// <summary>bench/sklearn_kmeans_bench.py, found by walking up from the binary or the working directory.</summary>
    public static string FindScript()
    {
        foreach (var origin in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "bench", "sklearn_kmeans_bench.py");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("bench/sklearn_kmeans_bench.py not found");
    }
}
