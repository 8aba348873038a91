using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SortStation.Core.Alarms;

namespace SortStation.Core.Tests.Alarms;

public sealed class JamWatchTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
    private readonly StationAlarms _alarms;
    private readonly JamWatch _watch;

    public JamWatchTests()
    {
        _alarms = new StationAlarms(_time, NullLogger.Instance);
        _watch = new JamWatch(_alarms, TimeSpan.FromSeconds(5), _time, "the photo-eye");
    }

    public void Dispose() => _watch.Dispose();

    [Fact]
    public void Blocked_HeldPastTheLimit_RaisesTheJamSoftStop()
    {
        _watch.Blocked();
        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(_alarms.IsStopped);

        _time.Advance(TimeSpan.FromSeconds(0.1));

        var jam = Assert.Single(_alarms.Snapshot().Active);
        Assert.Equal(AlarmCodes.Jam, jam.Code);
        Assert.True(jam.StopsSorting);
        Assert.Contains("Trigger:JamSeconds = 5", jam.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blocked_ItemPassesWithinTheLimit_NoJamEver()
    {
        _watch.Blocked();
        _time.Advance(TimeSpan.FromSeconds(0.6));
        _watch.Cleared();

        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.Empty(_alarms.Snapshot().Active);
        Assert.Equal(0, _alarms.RaisedCount(AlarmCodes.Jam));
    }

    [Fact]
    public void Blocked_AgainWhileBlocked_KeepsTheFirstStart()
    {
        _watch.Blocked();
        _time.Advance(TimeSpan.FromSeconds(3));
        _watch.Blocked(); // a bounce into the blocked level

        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.True(_alarms.IsStopped);
    }

    [Fact]
    public void Cleared_AfterAJam_ClearsItAndCountsOne()
    {
        _watch.Blocked();
        _time.Advance(TimeSpan.FromSeconds(6));

        _watch.Cleared();

        Assert.False(_alarms.IsStopped);
        Assert.Equal(_time.GetUtcNow(), _alarms.ResumedAt);
        Assert.Equal(1, _alarms.RaisedCount(AlarmCodes.Jam));
    }
}
