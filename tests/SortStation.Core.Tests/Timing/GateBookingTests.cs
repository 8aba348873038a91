using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SortStation.Core.Tests.Support;
using SortStation.Core.Timing;

namespace SortStation.Core.Tests.Timing;

/// <summary>
/// Gate booking: an 80 ms pulse + 20 ms release per diversion, and 50 ms after its due time to start one
/// (the item is then still in front of the paddle), booked only in the first half of that. What cannot start in
/// time is never fired late.
/// </summary>
public sealed class GateBookingTests : IAsyncDisposable
{
    private static readonly GateWindow Window = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(50));

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
    private readonly ListLogger<GateScheduler> _log = new();
    private readonly RecordingGate _gate;
    private readonly GateScheduler _scheduler;
    private readonly DateTimeOffset _t0;

    public GateBookingTests()
    {
        _gate = new RecordingGate("glass", _time, pulse: TimeSpan.FromMilliseconds(80));
        _scheduler = new GateScheduler([_gate], GateWindows.Fixed(Window), _time, _log);
        _t0 = _time.GetUtcNow();
    }

    [Fact]
    public async Task Schedule_GateBusyWithinMaxLate_StartsWhenPulseAndReleaseAreOver()
    {
        var fired = new List<GateFiredEventArgs>();
        _scheduler.Fired += (_, e) => fired.Add(e);

        Assert.Equal(ScheduleResult.Scheduled, _scheduler.Schedule("glass", _t0.AddMilliseconds(100), "a"));
        Assert.Equal(ScheduleResult.Scheduled, _scheduler.Schedule("glass", _t0.AddMilliseconds(175), "b")); // free at 200 ≤ 175 + 50 / 2
        await RunForAsync(400);

        Assert.Equal([_t0.AddMilliseconds(100), _t0.AddMilliseconds(200)], _gate.Fired);
        Assert.Equal(TimeSpan.FromMilliseconds(25), fired[1].Queued);
        Assert.DoesNotContain(fired, f => f.Late);
    }

    [Fact]
    public async Task Schedule_GateBusyPastMaxLate_MissedNothingBookedNeverFiredLate()
    {
        _scheduler.Schedule("glass", _t0.AddMilliseconds(100), "a");

        var second = _scheduler.Schedule("glass", _t0.AddMilliseconds(160), "b"); // free at 200: inside 160 + 50, but not in its first half

        Assert.Equal(ScheduleResult.Missed, second);
        Assert.Equal(1, _scheduler.InFlight);
        await RunForAsync(400);
        Assert.Equal([_t0.AddMilliseconds(100)], _gate.Fired);
        Assert.Equal(1, _scheduler.Statistics.MissedTotal);
        Assert.Equal(1, _scheduler.Statistics.Missed()["glass"]);
    }

    [Fact]
    public void Schedule_ItemPassedBeforeItWasRouted_Missed()
    {
        var result = _scheduler.Schedule("glass", _t0.AddMilliseconds(-60), "routed-too-late");

        Assert.Equal(ScheduleResult.Missed, result);
        Assert.Equal(0, _scheduler.InFlight);
    }

    [Fact]
    public async Task Schedule_DueSlightlyBeforeRouting_FiresAtOnceWithinMaxLate()
    {
        Assert.Equal(ScheduleResult.Scheduled, _scheduler.Schedule("glass", _t0.AddMilliseconds(-20), "x"));

        await RunForAsync(100);
        Assert.Equal([_t0], _gate.Fired);
    }

    [Fact]
    public async Task Schedule_EarlierItemBookedIntoAGap_LaterBookingKeepsItsStart()
    {
        _scheduler.Schedule("glass", _t0.AddMilliseconds(500), "late-gate-item");

        // An item due before it (e.g. after a live belt speed change) fits in the gap before 500.
        Assert.Equal(ScheduleResult.Scheduled, _scheduler.Schedule("glass", _t0.AddMilliseconds(300), "early"));
        Assert.Equal(ScheduleResult.Missed, _scheduler.Schedule("glass", _t0.AddMilliseconds(420), "overlaps-both"));
        await RunForAsync(700);

        Assert.Equal([_t0.AddMilliseconds(300), _t0.AddMilliseconds(500)], _gate.Fired);
    }

    [Fact]
    public async Task FireAsync_DriverOverrunsIntoTheNextBooking_NextSkippedCountedNotFiredOntoTheNextItem()
    {
        var slow = new RecordingGate("metal", _time, pulse: TimeSpan.FromMilliseconds(300)); // longer than its configured 80 ms
        await using var scheduler = new GateScheduler([slow], GateWindows.Fixed(Window), _time, _log);
        scheduler.Schedule("metal", _t0.AddMilliseconds(100), "a");
        Assert.Equal(ScheduleResult.Scheduled, scheduler.Schedule("metal", _t0.AddMilliseconds(200), "b"));

        for (var i = 0; i < 60; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Yield();
        }

        await scheduler.WhenIdleAsync();
        Assert.Equal([_t0.AddMilliseconds(100)], slow.Fired);
        Assert.Equal(1, scheduler.Statistics.Lost()[("metal", FireLoss.Late)]);
        Assert.NotNull(scheduler.Statistics.LastLostAt);
    }

    [Fact]
    public void Schedule_ManyMissed_OneLogLinePerIntervalWithTheCount()
    {
        _scheduler.Schedule("glass", _t0.AddSeconds(1), "first");
        for (var i = 0; i < 30; i++)
        {
            _scheduler.Schedule("glass", _t0.AddSeconds(1), $"crowded-{i}");
        }

        Assert.Equal(1, _log.Count("Missed gates: 1 item(s)"));
        _time.Advance(GateScheduler.LogInterval);
        Assert.Equal(1, _log.Count("Missed gates: 29 item(s)"));
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("glass 29; 30 since start", StringComparison.Ordinal));

        _time.Advance(GateScheduler.LogInterval * 3);
        Assert.Equal(2, _log.Count("Missed gates"));
    }

    [Fact]
    public async Task StopAsync_FireInFlight_ServedBeforeTheGatesAreSafe()
    {
        _scheduler.Schedule("glass", _t0.AddMilliseconds(500), "on-the-belt");

        var stop = _scheduler.StopAsync(TimeSpan.FromSeconds(12));
        await Eventually.TrueAsync(() => stop.IsCompleted, "stop done", _time);

        Assert.Equal(0, await stop);
        Assert.Equal([_t0.AddMilliseconds(500)], _gate.Fired);
        Assert.Equal(1, _log.Count("stopping: 0 pending fires cancelled, gates safe (1 of 1 fires in flight served first"));
    }

    [Fact]
    public async Task StopAsync_FireDueAfterTheLimit_CancelledCountedAsLostAndLogged()
    {
        _scheduler.Schedule("glass", _t0.AddSeconds(20), "far-down-the-belt");

        var stop = _scheduler.StopAsync(TimeSpan.FromSeconds(12));
        _time.Advance(TimeSpan.FromSeconds(12));

        Assert.Equal(1, await stop);
        Assert.Empty(_gate.Fired);
        Assert.Equal(1, _scheduler.Statistics.Lost()[("glass", FireLoss.Stopped)]);
        Assert.Equal(1, _log.Count("stopping: 1 pending fires cancelled, gates safe"));
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Empty(_gate.Fired);
    }

    public async ValueTask DisposeAsync() => await _scheduler.DisposeAsync();

    private async Task RunForAsync(int milliseconds)
    {
        for (var i = 0; i < milliseconds / 10; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Yield();
        }

        await _scheduler.WhenIdleAsync();
    }
}
