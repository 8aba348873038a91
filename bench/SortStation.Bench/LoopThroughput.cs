using System.Diagnostics;
using SortStation.Core.Devices;
using SortStation.Core.Options;
using SortStation.Vision;

namespace SortStation.Bench;

/// <summary>
/// Throughput of the station's own <c>SortingLoop</c> (items back to back from a trigger, <c>Model:Workers</c> items
/// classifying at once on <c>Model:IntraOpThreads</c> threads each, SQLite outbox) against both raw ways of using the
/// same cores: one run at a time on Workers × IntraOpThreads threads, and Workers runs at once on the station's own
/// session. The share is taken against the faster of the two. Blocks alternate so drift hits all three alike.
/// </summary>
internal static class LoopThroughput
{
    private static readonly TimeSpan Stalled = TimeSpan.FromSeconds(10);

    public static async Task<object> MeasureAsync(Frame frame, string? modelPath, float[] tensor, string outbox, BenchArguments a)
    {
        await using var station = new BenchStation(frame, a.Threads, outbox, modelPath, a.Outbox == "memory", a.Workers);
        using var wide = new OnnxClassifier(new ModelOptions { Path = modelPath ?? new ModelOptions().Path, IntraOpThreads = a.Threads * a.Workers });
        using var sequential = new RawInference(wide, tensor);
        var concurrent = Enumerable.Range(0, a.Workers).Select(_ => new RawInference(station.Classifier, tensor)).ToArray();
        var window = TimeSpan.FromSeconds(Math.Max(1, a.ThroughputSeconds / 4));
        var blocks = a.ThroughputSeconds >= 4 ? 4 : 1;
        var (seq, conc, loop) = (new List<double>(), new List<double>(), new List<double>());
        var allocation = new Allocation();
        using var stop = new CancellationTokenSource();
        await station.Loop.StartAsync(stop.Token);
        try
        {
            await StationRateAsync(station, TimeSpan.FromSeconds(1), new Allocation()); // warm-up: thread pool, outbox, workers
            for (var b = 0; b < blocks; b++)
            {
                seq.Add(RawConcurrency.Rate(window, sequential));
                conc.Add(RawConcurrency.Rate(window, concurrent));
                loop.Add(await StationRateAsync(station, window, allocation));
            }
        }
        finally
        {
            await stop.CancelAsync();
            await station.Loop.StopAsync(CancellationToken.None);
            Array.ForEach(concurrent, r => r.Dispose());
        }

        var (s, c, l) = (Median(seq), Median(conc), Median(loop));
        var share = l / Math.Max(s, c);
        var bytesPerItem = allocation.Bytes / (double)Math.Max(1, allocation.Items);
        Console.WriteLine($"loop throughput ({a.Workers} worker(s) × {a.Threads} thread(s)): station loop {l:F1} items/s; raw 1 run at a time on {a.Threads * a.Workers} threads {s:F1}/s, {a.Workers} at once on {a.Threads} {c:F1}/s; share of the faster {share:P1} (goal >= 90 %), i.e. {1000 / l:F2} ms per item vs {1000 / Math.Max(s, c):F2} ms = {1 / share:F3} × raw; {bytesPerItem:F0} B allocated per item (median of {blocks} blocks of {window.TotalSeconds:F0} s)");
        return new
        {
            workers = a.Workers,
            intraOpThreads = a.Threads,
            stationPerSecond = loop.Select(r => Math.Round(r, 1)),
            rawOneAtATimePerSecond = seq.Select(r => Math.Round(r, 1)),
            rawConcurrentPerSecond = conc.Select(r => Math.Round(r, 1)),
            share = Math.Round(share, 4),
            goal = 0.9,
            bytesAllocatedPerItem = Math.Round(bytesPerItem),
            blockSeconds = window.TotalSeconds,
        };
    }

    /// <summary>Opens the trigger for <paramref name="window"/>, then waits until every item handed over is committed; items per second over that time.</summary>
    private static async Task<double> StationRateAsync(BenchStation station, TimeSpan window, Allocation allocation)
    {
        var committed = station.Committed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var start = Stopwatch.GetTimestamp();
        station.Trigger.Open();
        await Task.Delay(window);
        station.Trigger.Close();
        var lastProgress = Stopwatch.GetTimestamp();
        for (var seen = station.Committed; seen < station.Trigger.Items; seen = station.Committed)
        {
            await Task.Delay(1);
            if (station.Committed > seen)
            {
                lastProgress = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(lastProgress) > Stalled)
            {
                throw new TimeoutException($"the loop committed {seen} of {station.Trigger.Items} items and made no progress for {Stalled.TotalSeconds} s");
            }
        }

        var rate = (station.Committed - committed) / Stopwatch.GetElapsedTime(start).TotalSeconds;
        allocation.Add(GC.GetTotalAllocatedBytes(precise: true) - allocated, station.Committed - committed);
        await station.DrainAsync();
        return rate;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>Bytes allocated in the process while the loop ran its blocks (the waits' polling included), and the items it sorted.</summary>
    private sealed class Allocation
    {
        public long Bytes { get; private set; }

        public long Items { get; private set; }

        public void Add(long bytes, long items) => (Bytes, Items) = (Bytes + bytes, Items + items);
    }
}
