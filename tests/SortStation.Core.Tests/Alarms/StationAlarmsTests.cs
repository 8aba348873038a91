using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SortStation.Core.Alarms;

namespace SortStation.Core.Tests.Alarms;

public sealed class StationAlarmsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
    private readonly StationAlarms _alarms;

    public StationAlarmsTests() => _alarms = new StationAlarms(_time, NullLogger.Instance);

    [Fact]
    public void Raise_StoppingAlarm_StopsWithCodeMessageAndSince()
    {
        Assert.True(_alarms.Raise(AlarmCodes.Jam, "photo-eye blocked"));

        Assert.True(_alarms.IsStopped);
        var alarm = Assert.Single(_alarms.Snapshot().Active);
        Assert.Equal(new StationAlarm(AlarmCodes.Jam, "photo-eye blocked", _time.GetUtcNow(), true), alarm);
    }

    [Fact]
    public void Raise_AlreadyActive_KeepsTheFirstAndCountsOnce()
    {
        _alarms.Raise(AlarmCodes.Jam, "first");
        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.False(_alarms.Raise(AlarmCodes.Jam, "second"));

        Assert.Equal("first", Assert.Single(_alarms.Snapshot().Active).Message);
        Assert.Equal(1, _alarms.RaisedCount(AlarmCodes.Jam));
    }

    [Fact]
    public void Raise_NotStopping_ActiveButSortingGoesOn()
    {
        _alarms.Raise(AlarmCodes.OutboxWriteFailed, "disk full", stopsSorting: false);

        Assert.False(_alarms.IsStopped);
        Assert.Single(_alarms.Snapshot().Active);
    }

    [Fact]
    public void Clear_LastStoppingAlarm_ResumesAndRecordsWhen()
    {
        _alarms.Raise(AlarmCodes.Jam, "blocked");
        _alarms.Raise(AlarmCodes.OutboxWriteFailed, "disk full");
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(_alarms.Clear(AlarmCodes.Jam, "beam clear"));
        Assert.True(_alarms.IsStopped); // the outbox still stops it
        Assert.Null(_alarms.ResumedAt);

        _time.Advance(TimeSpan.FromSeconds(1));
        _alarms.Clear(AlarmCodes.OutboxWriteFailed, "commits again");

        Assert.False(_alarms.IsStopped);
        Assert.Equal(_time.GetUtcNow(), _alarms.ResumedAt);
        Assert.Empty(_alarms.Snapshot().Active);
    }

    [Fact]
    public void Clear_NotActive_ChangesNothing()
    {
        var version = _alarms.Snapshot().Version;

        Assert.False(_alarms.Clear(AlarmCodes.Backlog, "caught up"));

        Assert.Equal(version, _alarms.Snapshot().Version);
    }

    [Fact]
    public void Changed_RaiseAndClear_EachReportedOnceWithTheNewVersion()
    {
        var seen = new List<(string Code, bool Raised)>();
        _alarms.Changed += (_, e) => seen.Add((e.Alarm.Code, e.Raised));

        _alarms.Raise(AlarmCodes.Backlog, "late");
        _alarms.Raise(AlarmCodes.Backlog, "late again");
        _alarms.Clear(AlarmCodes.Backlog, "caught up");

        Assert.Equal([(AlarmCodes.Backlog, true), (AlarmCodes.Backlog, false)], seen);
        Assert.Equal(2, _alarms.Snapshot().Version);
    }
}
