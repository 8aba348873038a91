using System.Diagnostics;
using SortStation.Core.Options;
using SortStation.Vision;

namespace SortStation.Bench;

/// <summary>
/// How the model best uses both cores, raw <c>InferenceSession.Run</c> only (no station path): one run at a
/// time on two intra-op threads (the station's default) against two runs at once, each on one thread of a
/// one-thread session: what classifying two items concurrently (<c>Model:Workers</c> 2) can give at most; the
/// <c>loop</c> scenario measures what the station gets. Blocks alternate so drift in the machine's speed hits both alike.
/// </summary>
internal static class RawConcurrency
{
    public static object Measure(string modelPath, float[] tensor, BenchArguments a)
    {
        using var two = new OnnxClassifier(new ModelOptions { Path = modelPath, IntraOpThreads = 2 });
        using var one = new OnnxClassifier(new ModelOptions { Path = modelPath, IntraOpThreads = 1 });
        using var sequential = new RawInference(two, tensor);
        using var left = new RawInference(one, tensor);
        using var right = new RawInference(one, tensor);
        var window = TimeSpan.FromSeconds(Math.Max(1, a.ThroughputSeconds / 4));
        var blocks = a.ThroughputSeconds >= 4 ? 4 : 1;
        var sequentialRates = new List<double>();
        var concurrentRates = new List<double>();
        for (var b = 0; b < blocks; b++)
        {
            sequentialRates.Add(Rate(window, sequential));
            concurrentRates.Add(Rate(window, left, right));
        }

        sequentialRates.Sort();
        concurrentRates.Sort();
        var s = sequentialRates[blocks / 2];
        var c = concurrentRates[blocks / 2];
        Console.WriteLine($"raw concurrency: 1 run at a time on 2 threads {s:F1}/s, 2 runs at once on 1 thread each {c:F1}/s = {c / s:F3}× (median of {blocks} blocks of {window.TotalSeconds:F0} s)");
        return new
        {
            sequentialTwoThreadsPerSecond = sequentialRates.Select(r => Math.Round(r, 1)),
            concurrentOneThreadEachPerSecond = concurrentRates.Select(r => Math.Round(r, 1)),
            ratio = Math.Round(c / s, 3),
            blockSeconds = window.TotalSeconds,
        };
    }

    /// <summary>Runs/s of <paramref name="runners"/> for <paramref name="window"/>, each on a thread of its own, all at once.</summary>
    public static double Rate(TimeSpan window, params RawInference[] runners)
    {
        var counts = new int[runners.Length];
        var start = Stopwatch.GetTimestamp();
        var threads = runners.Select((r, i) => new Thread(() =>
        {
            while (Stopwatch.GetElapsedTime(start) < window)
            {
                r.Run();
                counts[i]++;
            }
        })).ToArray();
        foreach (var t in threads)
        {
            t.Start();
        }

        foreach (var t in threads)
        {
            t.Join();
        }

        return counts.Sum() / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
