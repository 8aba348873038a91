using System.Diagnostics;

namespace SortStation.Bench;

/// <summary>
/// The memory scenario with <c>--workers</c> above 1: the station's own loop runs back to back (several items
/// classifying at once) while records are acknowledged every 256 committed, as the publisher does beside it;
/// RSS is read as the count passes each tenth of <c>--memory-items</c>, no collection forced.
/// </summary>
internal static class LoopMemory
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    public static async Task<object> MeasureAsync(BenchStation station, BenchArguments a)
    {
        using var stop = new CancellationTokenSource();
        await station.Loop.StartAsync(stop.Token);
        try
        {
            await RunUntilAsync(station, 1000); // warm-up
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var rssStart = MachineInfo.RssMegabytes();
            var allocatedStart = GC.GetTotalAllocatedBytes(precise: true);
            var committedStart = station.Committed;
            var checkpoints = new List<object>();
            var every = Math.Max(256, a.MemoryItems / 10);
            var started = Stopwatch.GetTimestamp();
            for (var next = committedStart + every; next <= committedStart + a.MemoryItems; next += every)
            {
                await RunUntilAsync(station, next);
                var gc = GC.GetGCMemoryInfo();
                checkpoints.Add(new { items = station.Committed - committedStart, rssMb = Math.Round(MachineInfo.RssMegabytes(), 1), managedAfterLastGcMb = Math.Round(gc.HeapSizeBytes / 1048576.0, 1), gcCount = GC.CollectionCount(0) });
            }

            var items = station.Committed - committedStart;
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var perItem = (GC.GetTotalAllocatedBytes(precise: true) - allocatedStart) / (double)items;
            var rssEnd = MachineInfo.RssMegabytes();
            var managedEndMb = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
            Console.WriteLine($"memory: {a.Workers} workers, the loop back to back: {perItem:F0} B allocated per item (acknowledgements included); RSS {rssStart:F0} MB after warm-up → {rssEnd:F0} MB after {items} items ({items / seconds:F0} items/s), no forced GC; managed heap {managedEndMb:F1} MB after a final full GC (goal: no growth, <= 200 MB)");
            return new { workers = a.Workers, items, bytesAllocatedPerItem = Math.Round(perItem), rssAfterWarmupMb = Math.Round(rssStart, 1), rssEndMb = Math.Round(rssEnd, 1), managedAfterFullGcMb = Math.Round(managedEndMb, 1), checkpoints, goalRssMb = 200 };
        }
        finally
        {
            await stop.CancelAsync();
            await station.Loop.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Keeps the trigger open until <paramref name="committed"/> items are committed, acknowledging records every 256.</summary>
    private static async Task RunUntilAsync(BenchStation station, long committed)
    {
        station.Trigger.Open();
        while (station.Committed < committed)
        {
            await Task.Delay(Poll);
            if (station.Outbox.Pending >= 256)
            {
                await station.DrainAsync();
            }
        }

        station.Trigger.Close();
    }
}
