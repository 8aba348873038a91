using SortStation.Core.Alarms;

namespace SortStation.Core.Tests.Alarms;

public sealed class SortingStateTests
{
    private static readonly DateTimeOffset Since = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(AlarmCodes.Jam, true, SortingState.Jam)]
    [InlineData(AlarmCodes.Backlog, true, SortingState.Jam)]
    [InlineData(AlarmCodes.OutboxWriteFailed, true, SortingState.SoftStopped)]
    [InlineData(AlarmCodes.OutboxWriteFailed, false, SortingState.Running)]
    public void Of_ActiveAlarm_NamesTheState(string code, bool stops, string state) =>
        Assert.Equal(state, SortingState.Of(Snapshot(new StationAlarm(code, "why", Since, stops)), idle: false, estop: false));

    [Fact]
    public void Of_NoAlarmButIdle_Idle() => Assert.Equal(SortingState.Idle, SortingState.Of(Snapshot(), idle: true, estop: false));

    [Fact]
    public void Of_EStopWithAJam_EStopFirst() =>
        Assert.Equal(SortingState.EStop, SortingState.Of(Snapshot(new StationAlarm(AlarmCodes.Jam, "why", Since, true)), idle: false, estop: true));

    [Theory]
    [InlineData(SortingState.Running, true)]
    [InlineData(SortingState.Idle, true)]
    [InlineData(SortingState.EStop, true)]
    [InlineData(SortingState.Jam, false)]
    [InlineData(SortingState.SoftStopped, false)]
    public void IsHealthy_State_OnlyJamAndSoftStopAreNot(string state, bool healthy) => Assert.Equal(healthy, SortingState.IsHealthy(state));

    private static AlarmSnapshot Snapshot(params StationAlarm[] active) => new(1, active);
}
