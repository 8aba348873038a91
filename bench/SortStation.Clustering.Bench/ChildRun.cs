using System.Runtime.InteropServices;
using System.Text.Json;

namespace SortStation.Clustering.Bench;

/// <summary>
/// One C# measurement in a process of its own, so its cores can be set from outside (taskset) as scikit-learn's
/// are by threadpoolctl: <c>elbow</c> (scale + K-Means k = KMIN..KMAX) or <c>silhouette</c> (exact, on the labels
/// file). Warms up on a slice first, so JIT tiering is not billed to the figure; prints one JSON object.
/// </summary>
internal static class ChildRun
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(BenchArgs opts, CancellationToken ct)
    {
        var raw = MemoryMarshal.Cast<byte, double>(await File.ReadAllBytesAsync(opts.DataPath!, ct)).ToArray();
        var warm = new FeatureMatrix(["weight_kg", "unit_price"], raw[..Math.Min(raw.Length, 40_000)]);
        object result;
        if (opts.Child == "elbow")
        {
            ElbowAnalysis.Run(warm, 2, 10, new KMeansOptions { NInit = 2 }, null, ct);
            var cpu0 = Environment.CpuUsage.TotalTime;
            var start = TimeProvider.System.GetTimestamp();
            var matrix = new FeatureMatrix(["weight_kg", "unit_price"], raw);
            var scaled = Scaler.Fit(matrix, ScalingMethod.Standard).Transform(matrix);
            var elbow = ElbowAnalysis.Run(scaled, opts.KMin, opts.KMax, new KMeansOptions { NInit = opts.NInit, Seed = (ulong)opts.Seed }, null, ct);
            result = new
            {
                seconds = TimeProvider.System.GetElapsedTime(start).TotalSeconds,
                cpuSeconds = (Environment.CpuUsage.TotalTime - cpu0).TotalSeconds,
                cores = Environment.ProcessorCount,
                points = elbow.Points.Select(p => new { k = p.K, sse = p.Sse }),
            };
        }
        else
        {
            var labels = MemoryMarshal.Cast<byte, int>(await File.ReadAllBytesAsync(opts.LabelsPath!, ct)).ToArray();
            var matrix = new FeatureMatrix(["weight_kg", "unit_price"], raw);
            var scaled = Scaler.Fit(matrix, ScalingMethod.Standard).Transform(matrix).SelectRows(Enumerable.Range(0, labels.Length).ToArray());
            var warmRows = Math.Min(2000, labels.Length);
            Silhouette.Exact(scaled.SelectRows(Enumerable.Range(0, warmRows).ToArray()), labels[..warmRows], ct);
            var cpu0 = Environment.CpuUsage.TotalTime;
            var start = TimeProvider.System.GetTimestamp();
            var value = Silhouette.Exact(scaled, labels, ct);
            result = new
            {
                seconds = TimeProvider.System.GetElapsedTime(start).TotalSeconds,
                cpuSeconds = (Environment.CpuUsage.TotalTime - cpu0).TotalSeconds,
                cores = Environment.ProcessorCount,
                value,
            };
        }

        Console.WriteLine(JsonSerializer.Serialize(result, Json));
        return 0;
    }
}
