namespace SortStation.Bench;

/// <summary>
/// The memory scenario with <c>--workers</c> above 1: the station's own loop runs back to back (several items
/// classifying at once) while records are acknowledged every 256 committed, as the publisher does beside it.
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
            return await Scenarios.MemoryAsync(station, a, $"{a.Base.Workers} workers, the loop back to back", 1000, count => RunUntilAsync(station, station.Committed + count));
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
