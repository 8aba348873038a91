using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using SortStation.Core.Tests.Support;
using SortStation.Core.Timing;

namespace SortStation.Core.Tests.Timing;

/// <summary>
/// The scheduler on the system clock (its own clock thread, not timers). Correctness only: order and
/// never early; how close to due is the hardware benchmark's figure, not a unit test's.
/// </summary>
public sealed class GateClockTests
{
    [Fact]
    public async Task Schedule_SystemClock_EarlierItemAddedLater_FiresFirst()
    {
        var (scheduler, fired) = Start();
        await using var _ = scheduler;
        var t0 = TimeProvider.System.GetUtcNow();

        scheduler.Schedule("glass", t0.AddMilliseconds(300), "late");
        scheduler.Schedule("glass", t0.AddMilliseconds(100), "early"); // a nearer bin's item, routed after

        await scheduler.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["early", "late"], fired.Select(f => f.ItemId));
        Assert.All(fired, f => Assert.True(f.FiredAt >= f.ScheduledAt, $"{f.ItemId} fired {(f.ScheduledAt - f.FiredAt).TotalMilliseconds:F3} ms early"));
    }

    [Fact]
    public async Task Schedule_SystemClock_ItemsUnderAMillisecondApart_EachFiresNotBeforeDue()
    {
        // Gaps under 1 ms exercise the clock's sub-millisecond path (nanosleep, then spin).
        var (scheduler, fired) = Start();
        await using var _ = scheduler;
        var t0 = TimeProvider.System.GetUtcNow().AddMilliseconds(50);
        for (var i = 0; i < 20; i++)
        {
            scheduler.Schedule("glass", t0.AddMicroseconds(i * 700), $"item-{i:D2}");
        }

        await scheduler.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(20, fired.Count);
        Assert.Equal(fired.Select(f => f.ItemId).Order(), fired.Select(f => f.ItemId));
        Assert.All(fired, f => Assert.True(f.FiredAt >= f.ScheduledAt, $"{f.ItemId} fired {(f.ScheduledAt - f.FiredAt).TotalMilliseconds:F3} ms early"));
    }

    private static (GateScheduler Scheduler, ConcurrentQueue<GateFiredEventArgs> Fired) Start()
    {
        var scheduler = new GateScheduler([new RecordingGate("glass", TimeProvider.System)], GateWindows.Fixed(new GateWindow(TimeSpan.Zero, TimeSpan.FromSeconds(10))), TimeProvider.System, NullLogger<GateScheduler>.Instance);
        var fired = new ConcurrentQueue<GateFiredEventArgs>();
        scheduler.Fired += (_, e) => fired.Enqueue(e);
        return (scheduler, fired);
    }
}
