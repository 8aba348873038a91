using System.Diagnostics;
using SortStation.Core.Devices;

namespace SortStation.Bench;

/// <summary>The in-process scenarios. Raw and station runs are interleaved so machine noise hits both alike.</summary>
internal static class Scenarios
{
    private const int Block = 25;

    /// <summary>
    /// Per-item cost in steady state: blocks of raw runs and blocks of station items alternate; a station
    /// block runs like SortingLoop (the record's commit overlaps the next item). Latency (trigger to
    /// committed, fsync included) is measured separately, one item at a time.
    /// </summary>
    public static async Task<object> OverheadAsync(BenchStation station, RawInference raw, BenchArguments a)
    {
        var rawTimes = new Measurement("raw InferenceSession.Run, per run (block mean)");
        var stationTimes = new Measurement("station path, per item (block mean)");
        long sequence = 0;
        var blocks = Math.Max(2, a.Iterations / Block);
        var warmupBlocks = Math.Max(1, a.Warmup / Block);
        for (var b = 0; b < warmupBlocks + blocks; b++)
        {
            var t0 = Stopwatch.GetTimestamp();
            for (var i = 0; i < Block; i++)
            {
                raw.Run();
            }

            var t1 = Stopwatch.GetTimestamp();
            sequence = await StationBlockAsync(station, sequence);
            var t2 = Stopwatch.GetTimestamp();
            await station.DrainAsync();
            if (b >= warmupBlocks)
            {
                rawTimes.Add(Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds / Block);
                stationTimes.Add(Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds / Block);
            }
        }

        var latency = new Measurement("station latency, trigger to committed (one item at a time)");
        for (var i = 0; i < Math.Max(10, a.Iterations / 4); i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            await station.Pipeline.ProcessAsync(new ItemDetected(++sequence, DateTimeOffset.UtcNow));
            latency.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }

        await station.DrainAsync();
        var ratio = stationTimes.Median / rawTimes.Median;
        Console.WriteLine($"overhead: station {stationTimes.Median:F2} ms/item / raw Run {rawTimes.Median:F2} ms = {ratio:F3} (goal <= 1.10); latency to committed median {latency.Median:F2} ms, p99 {latency.P99:F2} ms");
        return new { raw = rawTimes.Summary(), station = stationTimes.Summary(), latency = latency.Summary(), ratio = Math.Round(ratio, 4), goal = 1.10, block = Block };
    }

    /// <summary>One block of items as SortingLoop runs them: up to its commit window of records in flight.</summary>
    private static async Task<long> StationBlockAsync(BenchStation station, long sequence)
    {
        var commits = new Queue<Task<Core.Pipeline.SortOutcome>>();
        for (var i = 0; i < Block; i++)
        {
            commits.Enqueue(await station.Pipeline.SortAsync(new ItemDetected(++sequence, DateTimeOffset.UtcNow)));
            while (commits.Count > Core.Pipeline.SortingLoop.MaxCommitsInFlight)
            {
                await commits.Dequeue();
            }
        }

        while (commits.Count > 0)
        {
            await commits.Dequeue();
        }

        return sequence;
    }

    public static async Task<object> ThroughputAsync(BenchStation station, RawInference raw, BenchArguments a)
    {
        var window = TimeSpan.FromSeconds(a.ThroughputSeconds);
        var rawCount = 0;
        var start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(start) < window)
        {
            raw.Run();
            rawCount++;
        }

        var rawRate = rawCount / Stopwatch.GetElapsedTime(start).TotalSeconds;
        long items = 0;
        start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(start) < window)
        {
            items = await StationBlockAsync(station, items);
            await station.DrainAsync();
        }

        var stationRate = items / Stopwatch.GetElapsedTime(start).TotalSeconds;
        var share = stationRate / rawRate;
        Console.WriteLine($"throughput: station {stationRate:F1} items/s vs raw {rawRate:F1} inferences/s = {share:P1} (goal >= 90 %)");
        return new { rawPerSecond = Math.Round(rawRate, 2), stationPerSecond = Math.Round(stationRate, 2), share = Math.Round(share, 4), goal = 0.9, seconds = a.ThroughputSeconds };
    }

    public static async Task<object> MemoryAsync(BenchStation station, BenchArguments a)
    {
        for (var i = 0; i < 200; i++)
        {
            await station.Pipeline.ProcessAsync(new ItemDetected(i, DateTimeOffset.UtcNow));
        }

        await station.DrainAsync();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var rssStart = MachineInfo.RssMegabytes();
        var allocatedStart = GC.GetTotalAllocatedBytes(precise: true);
        var checkpoints = new List<object>();
        for (var i = 1; i <= a.MemoryItems; i++)
        {
            await station.Pipeline.ProcessAsync(new ItemDetected(i, DateTimeOffset.UtcNow));
            if (i % 256 == 0)
            {
                await station.DrainAsync();
            }

            if (i % Math.Max(1, a.MemoryItems / 10) == 0)
            {
                // Managed heap after a full collection separates a managed leak from native growth (ORT arena, SQLite cache).
                var managedMb = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
                checkpoints.Add(new { items = i, rssMb = Math.Round(MachineInfo.RssMegabytes(), 1), managedMb = Math.Round(managedMb, 1) });
            }
        }

        await station.DrainAsync();
        var perItem = (GC.GetTotalAllocatedBytes(precise: true) - allocatedStart) / (double)a.MemoryItems;
        var rssEnd = MachineInfo.RssMegabytes();
        Console.WriteLine($"memory: {perItem:F0} B allocated per item (drain included); RSS {rssStart:F0} MB after warm-up → {rssEnd:F0} MB after {a.MemoryItems} items (goal: no growth, <= 200 MB)");
        return new { items = a.MemoryItems, bytesAllocatedPerItem = Math.Round(perItem), rssAfterWarmupMb = Math.Round(rssStart, 1), rssEndMb = Math.Round(rssEnd, 1), checkpoints, goalRssMb = 200 };
    }
}
