using System.Globalization;
using System.Text.Json;

namespace SortStation.Clustering.Bench;

/// <summary>The JSON of every repeat, by measurement.</summary>
internal sealed class Runs
{
    public List<JsonElement> Elbow { get; } = [];

    public List<JsonElement> SilhouetteOne { get; } = [];

    public List<JsonElement> SilhouetteAll { get; } = [];

    public List<JsonElement> Sklearn { get; } = [];
}

/// <summary>
/// The figures: per scenario the median and range over repeats of wall and CPU seconds on each side, and the
/// ratio scikit-learn ÷ SortStation of each repeat's pair (> 1: SortStation faster), median and range.
/// </summary>
internal sealed record Report(List<string> Lines, List<object> Scenarios, List<object> PerK, double SilhouetteValue, string? SklearnVersion, string BlasSummary)
{
    public static Report Build(BenchArgs opts, Runs runs, string? blasDirectory)
    {
        var sk = runs.Sklearn;
        var blas = sk.Count == 0 ? "n/a (scikit-learn not run)" : sk[^1].GetProperty("blas").GetProperty("summary").GetString()!;
        var lines = new List<string>();
        var scenarios = new List<object>
        {
            Scenario(lines, $"elbow k={opts.KMin}..{opts.KMax}, n_init {opts.NInit}, {opts.N:N0} x 2 (scale + k-means), both on all {Environment.ProcessorCount} cores", runs.Elbow, sk, "elbowSeconds", "elbowCpuSeconds"),
            Scenario(lines, $"exact silhouette, {opts.SilhouetteN:N0} points, k=3, both on 1 thread", runs.SilhouetteOne, sk, "silhouetteSeconds", "silhouetteCpuSeconds"),
            Scenario(lines, $"exact silhouette, {opts.SilhouetteN:N0} points, SortStation on all {Environment.ProcessorCount} cores vs scikit-learn on 1 thread (not equal threads)", runs.SilhouetteAll, sk, "silhouetteSeconds", "silhouetteCpuSeconds"),
        };

        var value = runs.SilhouetteOne[^1].GetProperty("value").GetDouble();
        if (sk.Count > 0)
        {
            lines.Add(Inv($"silhouette value {value:F12} vs scikit-learn {sk[^1].GetProperty("silhouette").GetDouble():F12}"));
        }

        var skSse = sk.Count == 0 ? null : sk[^1].GetProperty("elbow").EnumerateArray().ToDictionary(e => e.GetProperty("k").GetInt32(), e => e.GetProperty("sse").GetDouble());
        var perK = new List<object>();
        foreach (var p in runs.Elbow[^1].GetProperty("points").EnumerateArray())
        {
            var (k, sse) = (p.GetProperty("k").GetInt32(), p.GetProperty("sse").GetDouble());
            double? theirs = skSse?.GetValueOrDefault(k);
            lines.Add(Inv($"  k={k}: SSE {sse:F3} | scikit-learn {theirs:F3} | ours/sklearn {sse / theirs:F5}"));
            perK.Add(new { k, sse, sklearnSse = theirs, sseRatio = sse / theirs });
        }

        return new Report(lines, scenarios, perK, value, sk.Count == 0 ? null : sk[^1].GetProperty("sklearn").GetString(), blas + (blasDirectory is null ? string.Empty : $" from {blasDirectory}"));
    }

    private static object Scenario(List<string> lines, string name, List<JsonElement> ours, List<JsonElement> theirs, string seconds, string cpu)
    {
        var wall = ours.Select(o => o.GetProperty("seconds").GetDouble()).ToArray();
        var ourCpu = ours.Select(o => o.GetProperty("cpuSeconds").GetDouble()).ToArray();
        var skWall = theirs.Select(t => t.GetProperty(seconds).GetDouble()).ToArray();
        var skCpu = theirs.Select(t => t.GetProperty(cpu).GetDouble()).ToArray();
        var pairs = Math.Min(wall.Length, skWall.Length);
        var ratio = Enumerable.Range(0, pairs).Select(i => skWall[i] / wall[i]).ToArray();
        var cpuRatio = Enumerable.Range(0, pairs).Select(i => skCpu[i] / ourCpu[i]).ToArray();
        lines.Add(Inv($"{name}: SortStation {Spread(wall)} s wall / {Spread(ourCpu)} s CPU | scikit-learn {Spread(skWall)} s wall / {Spread(skCpu)} s CPU | ratio scikit-learn ÷ SortStation {Spread(ratio, "F2")}× wall, {Spread(cpuRatio, "F2")}× CPU ({pairs} alternating pair(s))"));
        return new
        {
            scenario = name,
            sortStationSeconds = wall,
            sortStationCpuSeconds = ourCpu,
            sklearnSeconds = skWall,
            sklearnCpuSeconds = skCpu,
            ratioSklearnOverSortStation = ratio,
            cpuRatio,
            medianRatio = pairs == 0 ? (double?)null : Median(ratio),
            medianCpuRatio = pairs == 0 ? (double?)null : Median(cpuRatio),
        };
    }

    /// <summary>"32.8 (32.1–33.5)": median and range over repeats.</summary>
    private static string Spread(double[] values, string format = "F2") => values.Length == 0
        ? "n/a"
        : values.Length == 1 ? values[0].ToString(format, CultureInfo.InvariantCulture)
        : Inv($"{Median(values).ToString(format, CultureInfo.InvariantCulture)} ({values.Min().ToString(format, CultureInfo.InvariantCulture)}–{values.Max().ToString(format, CultureInfo.InvariantCulture)})");

    private static double Median(double[] values)
    {
        var s = values.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[(s.Length / 2) - 1] + s[s.Length / 2]) / 2;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
