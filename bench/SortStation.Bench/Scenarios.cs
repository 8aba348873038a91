using System.Diagnostics;
using SortStation.Core.Devices;

namespace SortStation.Bench;

/// <summary>The in-process scenarios. Raw and station runs are interleaved so machine noise hits both alike.</summary>
internal static class Scenarios
{
    private const int Block = 25;
    private const int Round = 200;
    private static readonly TimeSpan IsolatedGap = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Per-item cost in steady state. Rounds alternate so machine noise hits both alike: <see cref="Round"/> raw runs,
    /// then <see cref="Round"/> station items run as SortingLoop runs them (a record's commit overlaps the next items,
    /// at most MaxCommitsInFlight uncommitted). Both are timed in blocks of <see cref="Block"/>; a station block is the
    /// time from its first item's start to the next block's, so commits carry across blocks as on a belt,
    /// and the round's last block also waits for every commit. Latency (trigger to committed) is measured
    /// separately, one item at a time.
    /// </summary>
    public static async Task<object> OverheadAsync(BenchStation station, RawInference raw, BenchArguments a)
    {
        var rawTimes = new Measurement("raw InferenceSession.Run, per run (block mean)");
        var stationTimes = new Measurement("station path, per item (block mean)");
        long sequence = 0;
        var rounds = Math.Max(1, a.Iterations / Round);
        var warmupRounds = Math.Max(1, a.Warmup / Round);
        var totalRaw = 0.0;
        var totalStation = 0.0;
        var cpuRaw = TimeSpan.Zero;
        var cpuStation = TimeSpan.Zero;
        for (var r = 0; r < warmupRounds + rounds; r++)
        {
            var measured = r >= warmupRounds;
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            for (var b = 0; b < Round / Block; b++)
            {
                var t0 = Stopwatch.GetTimestamp();
                for (var i = 0; i < Block; i++)
                {
                    raw.Run();
                }

                var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                if (measured)
                {
                    rawTimes.Add(ms / Block);
                    totalRaw += ms;
                }
            }

            var cpu1 = Process.GetCurrentProcess().TotalProcessorTime;
            var blocks = new List<double>();
            sequence = await StationRoundAsync(station, sequence, Round, blocks);
            if (measured)
            {
                cpuRaw += cpu1 - cpu0;
                cpuStation += Process.GetCurrentProcess().TotalProcessorTime - cpu1;
                blocks.ForEach(ms => stationTimes.Add(ms / Block));
                totalStation += blocks.Sum();
            }

            await station.DrainAsync();
        }

        // Isolated items, as on a belt: a pause between them longer than Outbox:GroupCommitMilliseconds, so
        // each is committed at once (back to back, a commit waits for the group interval).
        var latency = new Measurement("station latency, trigger to committed (isolated items, 20 ms apart)");
        for (var i = 0; i < Math.Max(10, a.Iterations / 8); i++)
        {
            await Task.Delay(IsolatedGap);
            var t0 = Stopwatch.GetTimestamp();
            await station.Pipeline.ProcessAsync(new ItemDetected(++sequence, DateTimeOffset.UtcNow));
            latency.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }

        await station.DrainAsync();
        var ratio = stationTimes.Median / rawTimes.Median;
        var ratioOfTotals = totalStation / totalRaw;
        var n = (double)rounds * Round;
        var cpu = new { rawMsPerRun = Math.Round(cpuRaw.TotalMilliseconds / n, 3), stationMsPerItem = Math.Round(cpuStation.TotalMilliseconds / n, 3) };
        Console.WriteLine($"overhead: station {stationTimes.Median:F2} ms/item / raw Run {rawTimes.Median:F2} ms = {ratio:F3} (goal <= 1.10); all rounds end to end {ratioOfTotals:F3}; process CPU per raw run {cpu.rawMsPerRun:F2} ms, per station item {cpu.stationMsPerItem:F2} ms; latency to committed median {latency.Median:F2} ms, p99 {latency.P99:F2} ms");
        return new { raw = rawTimes.Summary(), station = stationTimes.Summary(), latency = latency.Summary(), ratio = Math.Round(ratio, 4), ratioOfTotals = Math.Round(ratioOfTotals, 4), cpu, goal = 1.10, block = Block, round = Round };
    }

    /// <summary>
    /// Items back to back as SortingLoop runs them: up to its commit window of records in flight. Adds the
    /// milliseconds of each block of <see cref="Block"/> items to <paramref name="blocks"/> when given; the last
    /// block includes waiting for the remaining commits.
    /// </summary>
    private static async Task<long> StationRoundAsync(BenchStation station, long sequence, int items, List<double>? blocks = null)
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
