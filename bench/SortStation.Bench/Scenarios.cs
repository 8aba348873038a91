using System.Diagnostics;
using SortStation.Core.Devices;

namespace SortStation.Bench;

/// <summary>The in-process scenarios. Raw and station runs are interleaved so machine noise hits both alike.</summary>
internal static class Scenarios
{
    public const int Block = 25;
    public const int Round = 200;

    /// <summary>
    /// Items back to back as SortingLoop runs them: up to its commit window of records in flight. Adds the
    /// milliseconds of each block of <see cref="Block"/> items to <paramref name="blocks"/> when given; the last
    /// block includes waiting for the remaining commits.
    /// </summary>
    public static async Task<long> StationRoundAsync(BenchStation station, long sequence, int items, List<double>? blocks = null)
    {
        var commits = new Queue<Task<Core.Pipeline.SortOutcome>>();
        var blockStart = Stopwatch.GetTimestamp();
        for (var i = 1; i <= items; i++)
        {
            await station.SortAsync(++sequence, commits);
            if (blocks is not null && i % Block == 0 && i < items)
            {
                var now = Stopwatch.GetTimestamp();
                blocks.Add(Stopwatch.GetElapsedTime(blockStart, now).TotalMilliseconds);
                blockStart = now;
            }
        }

        await BenchStation.WaitForCommitsAsync(commits);
        blocks?.Add(Stopwatch.GetElapsedTime(blockStart).TotalMilliseconds);
        return sequence;
    }

    /// <summary>
    /// Raw inferences back to back for the window, then the station path back to back for the same window
    /// (records acknowledged every <see cref="Round"/> items, as the publisher would; items count once committed).
    /// </summary>
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
            items = await StationRoundAsync(station, items, Round);
            await station.DrainAsync();
        }

        var stationRate = items / Stopwatch.GetElapsedTime(start).TotalSeconds;
        var share = stationRate / rawRate;
        Console.WriteLine($"throughput: station {stationRate:F1} items/s vs raw {rawRate:F1} inferences/s = {share:P1} (goal >= 90 %)");
        return new { rawPerSecond = Math.Round(rawRate, 2), stationPerSecond = Math.Round(stationRate, 2), share = Math.Round(share, 4), goal = 0.9, seconds = a.ThroughputSeconds };
    }

    /// <summary>
    /// Memory over <c>--memory-items</c> items: <paramref name="sortMore"/> sorts that many more items, acknowledging
    /// records as the publisher would; <paramref name="how"/> names the way it sorts them in the printed line.
    /// </summary>
    public static async Task<object> MemoryAsync(BenchStation station, BenchArguments a, string how, int warmupItems, Func<int, Task> sortMore)
    {
        await sortMore(warmupItems);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var rssStart = MachineInfo.RssMegabytes();
        var allocatedStart = GC.GetTotalAllocatedBytes(precise: true);
        var committedStart = station.Committed;
        var checkpoints = new List<object>();
        var every = Math.Max(256, a.MemoryItems / 10 / 256 * 256);
        for (var done = 0; done < a.MemoryItems; done += every)
        {
            await sortMore(Math.Min(every, a.MemoryItems - done));

            // RSS as the process has it: no collection is forced during the run (that would flatter RSS).
            // The managed heap as the last collection left it separates a managed leak from native growth.
            var gc = GC.GetGCMemoryInfo();
            checkpoints.Add(new { items = station.Committed - committedStart, rssMb = Math.Round(MachineInfo.RssMegabytes(), 1), managedAfterLastGcMb = Math.Round(gc.HeapSizeBytes / 1048576.0, 1), gcCount = GC.CollectionCount(0) });
        }

        var items = station.Committed - committedStart;
        var perItem = (GC.GetTotalAllocatedBytes(precise: true) - allocatedStart) / (double)items;
        var rssEnd = MachineInfo.RssMegabytes();
        var managedEndMb = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
        Console.WriteLine($"memory: {how}: {perItem:F0} B allocated per item (acknowledgements included); RSS {rssStart:F0} MB after warm-up → {rssEnd:F0} MB after {items} items, no forced GC; managed heap {managedEndMb:F1} MB after a final full GC (goal: no growth, <= 200 MB)");
        return new { how, items, bytesAllocatedPerItem = Math.Round(perItem), rssAfterWarmupMb = Math.Round(rssStart, 1), rssEndMb = Math.Round(rssEnd, 1), managedAfterFullGcMb = Math.Round(managedEndMb, 1), checkpoints, goalRssMb = 200 };
    }

    /// <summary>Sorts items through the pipeline as <c>SortingLoop</c> runs them one at a time (commits overlapping), acknowledged every 256.</summary>
    public static Func<int, Task> PipelineSorter(BenchStation station)
    {
        long sequence = 0;
        return async count =>
        {
            for (var done = 0; done < count;)
            {
                var items = Math.Min(256, count - done);
                sequence = await StationRoundAsync(station, sequence, items);
                await station.DrainAsync();
                done += items;
            }
        };
    }
}
