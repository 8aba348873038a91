using System.Diagnostics;
using System.Globalization;

namespace SortStation.Central.Web.Bench;

/// <summary>N clients, each sending the next request when its answer has been read, for a fixed time (closed loop).</summary>
internal static class LoadGenerator
{
    public static async Task<LoadResult> RunAsync(HttpClient client, string path, int clients, TimeSpan duration, Func<double> serverCpuSeconds)
    {
        // Warm-up: JIT, connection pool, database caches.
        for (var i = 0; i < 20; i++)
        {
            using var warm = await client.GetAsync(path);
            warm.EnsureSuccessStatusCode();
            await warm.Content.ReadAsByteArrayAsync();
        }

        var latencies = new List<double>[clients];
        var cpuBefore = serverCpuSeconds();
        var errors = 0;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var mine = latencies[c] = [];
            while (stop.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var cpu = serverCpuSeconds() - cpuBefore;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double P(double q) => all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
        return new LoadResult(all.Length, errors, all.Length / stop.Elapsed.TotalSeconds, P(0.5), P(0.95), P(0.99), all[^1], cpu * 1000 / all.Length);
    }
}

internal sealed record LoadResult(int Requests, int Errors, double PerSecond, double P50Ms, double P95Ms, double P99Ms, double MaxMs, double ServerCpuMsPerRequest)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Requests} requests ({Errors} errors), {PerSecond:F0}/s, p50 {P50Ms:F1} ms, p95 {P95Ms:F1} ms, p99 {P99Ms:F1} ms, max {MaxMs:F0} ms; server CPU {ServerCpuMsPerRequest:F2} ms per request");
}
