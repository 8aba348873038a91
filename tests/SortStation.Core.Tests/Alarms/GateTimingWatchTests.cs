using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SortStation.Core.Alarms;
using SortStation.Core.Timing;
using SortStation.Core.Tests.Support;

namespace SortStation.Core.Tests.Alarms;

public sealed class GateTimingWatchTests : IAsyncDisposable
{
    private static readonly GateWindow Window = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(50));

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
    private readonly GateScheduler _scheduler;
    private readonly StationAlarms _alarms;
    private readonly GateTimingWatch _watch;

    public GateTimingWatchTests()
    {
        _scheduler = new GateScheduler([new RecordingGate("glass", _time)], GateWindows.Fixed(Window), _time, NullLogger<GateScheduler>.Instance);
        _alarms = new StationAlarms(_time, NullLogger.Instance);
        _watch = new GateTimingWatch(_scheduler, _alarms, _time);
    }

    public async ValueTask DisposeAsync()
    {
        _watch.Dispose();
        await _scheduler.DisposeAsync();
    }

    [Fact]
    public void Check_GateMissed_AlarmThatDoesNotStopSortingUntilAMinuteWithoutOne()
    {
        _scheduler.Schedule("glass", _time.GetUtcNow().AddMilliseconds(-60), "routed-after-it-passed");

        _watch.Check();

        var alarm = Assert.Single(_alarms.Snapshot().Active);
        Assert.Equal(AlarmCodes.MissedGate, alarm.Code);
        Assert.False(alarm.StopsSorting);
        Assert.False(_alarms.IsStopped);
        Assert.Equal(SortingState.Running, SortingState.Of(_alarms.Snapshot(), idle: false, estop: false));

        _time.Advance(GateStatistics.MissedRecentFor - TimeSpan.FromSeconds(1));
        _watch.Check();
        Assert.Single(_alarms.Snapshot().Active);

        _time.Advance(TimeSpan.FromSeconds(1));
        _watch.Check();
        Assert.Empty(_alarms.Snapshot().Active);
        Assert.Equal(1, _alarms.RaisedCount(AlarmCodes.MissedGate));
    }

    [Fact]
    public async Task Check_FireLost_AlarmForTenMinutes()
    {
        _scheduler.Schedule("glass", _time.GetUtcNow().AddSeconds(20), "far-down-the-belt");
        var stop = _scheduler.StopAsync(TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await stop); // cancelled: lost, cause stopped

        _watch.Check();
        var alarm = Assert.Single(_alarms.Snapshot().Active);
        Assert.Equal(AlarmCodes.GateFireLost, alarm.Code);
        Assert.False(alarm.StopsSorting);

        _time.Advance(GateStatistics.LostRecentFor);
        _watch.Check();
        Assert.Empty(_alarms.Snapshot().Active);
    }

    [Fact]
    public void Check_NothingMissedOrLost_NoAlarm()
    {
        _scheduler.Schedule("glass", _time.GetUtcNow().AddSeconds(1), "in-time");

        _watch.Check();

        Assert.Empty(_alarms.Snapshot().Active);
    }
}
