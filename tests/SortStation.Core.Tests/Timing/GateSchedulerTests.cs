using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SortStation.Core.Tests.Support;
using SortStation.Core.Timing;

namespace SortStation.Core.Tests.Timing;

public sealed class GateSchedulerTests
{
    // An 80 ms diversion, and a second to start it: wide enough that only the tests about lateness meet the limit.
    private static readonly GateWindows Windows = GateWindows.Fixed(new GateWindow(TimeSpan.FromMilliseconds(80), TimeSpan.FromSeconds(1)));

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Schedule_DueInFuture_FiresAtDueTimeNotBefore()
    {
        var gate = new RecordingGate("glass", _time);
        await using var scheduler = new GateScheduler([gate], Windows, _time, NullLogger<GateScheduler>.Instance);
        var due = _time.GetUtcNow().AddMilliseconds(1300);

        Assert.Equal(ScheduleResult.Scheduled, scheduler.Schedule("glass", due, "item-1"));
        _time.Advance(TimeSpan.FromMilliseconds(1299));
        Assert.Empty(gate.Fired);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        await scheduler.WhenIdleAsync();
        Assert.Equal([due], gate.Fired);
    }

    [Fact]
    public async Task Schedule_SeveralItemsInFlight_EachFiresAtItsOwnTime()
    {
        var fibre = new RecordingGate("fibre", _time);
        var glass = new RecordingGate("glass", _time);
        await using var scheduler = new GateScheduler([fibre, glass], Windows, _time, NullLogger<GateScheduler>.Instance);
        var t0 = _time.GetUtcNow();

        scheduler.Schedule("glass", t0.AddMilliseconds(800), "a");
        scheduler.Schedule("fibre", t0.AddMilliseconds(400), "b");
        scheduler.Schedule("glass", t0.AddMilliseconds(1000), "c");
        Assert.Equal(3, scheduler.InFlight);

        for (var i = 0; i < 12; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        await scheduler.WhenIdleAsync();
        Assert.Equal([t0.AddMilliseconds(400)], fibre.Fired);
        Assert.Equal([t0.AddMilliseconds(800), t0.AddMilliseconds(1000)], glass.Fired);
        Assert.Equal(0, scheduler.InFlight);
    }

    [Fact]
    public async Task Schedule_PassiveBin_ReturnsFalseAndFiresNothing()
    {
        var gate = new RecordingGate("glass", _time);
        await using var scheduler = new GateScheduler([gate], Windows, _time, NullLogger<GateScheduler>.Instance);

        Assert.Equal(ScheduleResult.Passive, scheduler.Schedule("reject", _time.GetUtcNow(), "x"));
        Assert.Equal(0, scheduler.InFlight);
    }

    [Fact]
    public async Task Schedule_GateBusyWhenNextFallsDue_FiresRightAfterCurrentPulse()
    {
        var gate = new RecordingGate("glass", _time, pulse: TimeSpan.FromMilliseconds(80));
        await using var scheduler = new GateScheduler([gate], Windows, _time, NullLogger<GateScheduler>.Instance);
        var t0 = _time.GetUtcNow();

        scheduler.Schedule("glass", t0.AddMilliseconds(100), "first");
        scheduler.Schedule("glass", t0.AddMilliseconds(130), "second");
        for (var i = 0; i < 30; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Yield();
        }

        await scheduler.WhenIdleAsync();
        Assert.Equal(2, gate.Fired.Count);
        Assert.Equal(t0.AddMilliseconds(100), gate.Fired[0]);
        Assert.True(gate.Fired[1] >= t0.AddMilliseconds(180), $"second fire at {gate.Fired[1] - t0} must wait for the 80 ms pulse");
    }

    [Fact]
    public async Task Schedule_DueTimeAlreadyPassed_FiresImmediately()
    {
        var gate = new RecordingGate("glass", _time);
        await using var scheduler = new GateScheduler([gate], Windows, _time, NullLogger<GateScheduler>.Instance);

        scheduler.Schedule("glass", _time.GetUtcNow().AddMilliseconds(-50), "late");
        _time.Advance(TimeSpan.Zero);
        await scheduler.WhenIdleAsync();

        Assert.Single(gate.Fired);
    }

    [Fact]
    public async Task Pause_WhileDue_NoGateMoves()
    {
        var gate = new RecordingGate("glass", _time);
        await using var scheduler = new GateScheduler([gate], Windows, _time, NullLogger<GateScheduler>.Instance);

        scheduler.Schedule("glass", _time.GetUtcNow().AddMilliseconds(100), "x");
        scheduler.Pause(true);
        _time.Advance(TimeSpan.FromMilliseconds(200));
        await scheduler.WhenIdleAsync();

        Assert.Empty(gate.Fired);
    }

    [Fact]
    public async Task FireAsync_GateThrows_SchedulerKeepsGoing()
    {
        var broken = new RecordingGate("glass", _time) { ThrowOnFire = true };
        var fine = new RecordingGate("fibre", _time);
        await using var scheduler = new GateScheduler([broken, fine], Windows, _time, NullLogger<GateScheduler>.Instance);

        scheduler.Schedule("glass", _time.GetUtcNow().AddMilliseconds(10), "a");
        scheduler.Schedule("fibre", _time.GetUtcNow().AddMilliseconds(20), "b");
        _time.Advance(TimeSpan.FromMilliseconds(30));
        await scheduler.WhenIdleAsync();

        Assert.Single(fine.Fired);
    }

    [Fact]
    public async Task DisposeAsync_ItemsStillInFlight_CancelsThemAndEntersSafeState()
    {
        var gate = new RecordingGate("glass", _time);
        var scheduler = new GateScheduler([gate], Windows, _time, NullLogger<GateScheduler>.Instance);
        scheduler.Schedule("glass", _time.GetUtcNow().AddSeconds(5), "x");

        await scheduler.DisposeAsync();
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Empty(gate.Fired);
        Assert.Equal(1, gate.SafeStateCalls);
    }

    [Fact]
    public async Task Fired_AfterFire_ReportsScheduledAndActualTime()
    {
        var gate = new RecordingGate("glass", _time);
        await using var scheduler = new GateScheduler([gate], Windows, _time, NullLogger<GateScheduler>.Instance);
        var events = new List<GateFiredEventArgs>();
        scheduler.Fired += (_, e) => events.Add(e);
        var due = _time.GetUtcNow().AddMilliseconds(250);

        scheduler.Schedule("glass", due, "item-7");
        _time.Advance(TimeSpan.FromMilliseconds(250));
        await scheduler.WhenIdleAsync();

        var fired = Assert.Single(events);
        Assert.Equal(("glass", "item-7", due, TimeSpan.Zero), (fired.Bin, fired.ItemId, fired.ScheduledAt, fired.Error));
    }
}
