using SortStation.Core.Alarms;
using SortStation.Core.Devices;
using SortStation.Core.Tests.Support;

namespace SortStation.Core.Tests.Alarms;

/// <summary>The rig's first gate is fibre, 0.4 m down a 0.5 m/s belt: 0.8 s from the camera line.</summary>
public sealed class BacklogWatchTests : IAsyncDisposable
{
    private readonly PipelineRig _rig = new();

    public ValueTask DisposeAsync() => _rig.DisposeAsync();

    [Fact]
    public void Taken_WaitedLongerThanTheBeltTakesToTheFirstGate_RaisesTheBacklogSoftStop()
    {
        _rig.Backlog.Taken(Seen(ago: TimeSpan.FromSeconds(0.81)));

        var alarm = Assert.Single(_rig.Alarms.Snapshot().Active);
        Assert.Equal(AlarmCodes.Backlog, alarm.Code);
        Assert.True(alarm.StopsSorting);
        Assert.Contains("Sorting:Bins:fibre:DistanceMeters = 0.4", alarm.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Taken_WithinTheFirstGatesTime_NoAlarm()
    {
        _rig.Backlog.Taken(Seen(ago: TimeSpan.FromSeconds(0.79)));

        Assert.Empty(_rig.Alarms.Snapshot().Active);
    }

    [Fact]
    public void Taken_WellInTimeAfterABacklog_Clears()
    {
        _rig.Backlog.Taken(Seen(ago: TimeSpan.FromSeconds(2)));
        _rig.Backlog.Taken(Seen(ago: TimeSpan.FromSeconds(0.5))); // caught up part of the way: still raised
        Assert.True(_rig.Alarms.IsStopped);

        _rig.Backlog.Taken(Seen(ago: TimeSpan.FromSeconds(0.1)));

        Assert.False(_rig.Alarms.IsStopped);
    }

    [Fact]
    public void CaughtUp_NothingWaiting_ClearsTheBacklog()
    {
        _rig.Backlog.Taken(Seen(ago: TimeSpan.FromSeconds(2)));

        _rig.Backlog.CaughtUp();

        Assert.False(_rig.Alarms.IsStopped);
        Assert.Equal(1, _rig.Alarms.RaisedCount(AlarmCodes.Backlog));
    }

    private ItemDetected Seen(TimeSpan ago) => new(7, _rig.Time.GetUtcNow() - ago);
}
