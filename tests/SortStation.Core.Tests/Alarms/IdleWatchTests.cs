using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SortStation.Core.Alarms;
using SortStation.Core.Options;
using SortStation.Core.Pipeline;
using SortStation.Simulation;

namespace SortStation.Core.Tests.Alarms;

public sealed class IdleWatchTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly SortingRun _run;
    private readonly StationAlarms _alarms;
    private readonly SimulatedInterlock _estop;
    private readonly IdleWatch _idle;

    public IdleWatchTests()
    {
        _run = new SortingRun(_time);
        _alarms = new StationAlarms(_time, NullLogger.Instance);
        _estop = new SimulatedInterlock(_time);
        _idle = new IdleWatch(_run, _alarms, Microsoft.Extensions.Options.Options.Create(new TriggerWatchOptions { IdleSeconds = 60 }), _time, NullLogger<IdleWatch>.Instance, _estop);
    }

    public void Dispose() => _idle.Dispose();

    [Fact]
    public void Check_NoItemForIdleSeconds_IdleAndCountedOnce()
    {
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(_idle.Check());

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(_idle.Check());
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(_idle.Check());

        Assert.Equal(1, _idle.Periods);
    }

    [Fact]
    public void Check_AnItemComes_NoLongerIdle()
    {
        _time.Advance(TimeSpan.FromSeconds(90));
        _idle.Check();

        _run.Seen();

        Assert.False(_idle.Check());
        Assert.Equal(1, _idle.Periods);
    }

    [Fact]
    public void Check_SoftStopped_NotIdle()
    {
        _alarms.Raise(AlarmCodes.Jam, "blocked");

        _time.Advance(TimeSpan.FromSeconds(90));

        Assert.False(_idle.Check());
    }

    [Fact]
    public void Check_JustAfterASoftStop_CountsFromTheResume()
    {
        _alarms.Raise(AlarmCodes.Jam, "blocked");
        _time.Advance(TimeSpan.FromSeconds(90));
        _alarms.Clear(AlarmCodes.Jam, "clear");

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.False(_idle.Check());
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(_idle.Check());
    }

    [Fact]
    public void Check_EStopPressed_NotIdle()
    {
        _estop.Trip();

        _time.Advance(TimeSpan.FromSeconds(90));

        Assert.False(_idle.Check());
    }

    [Fact]
    public async Task ExecuteAsync_ClockPassesIdleSeconds_ReportsIdleByItself()
    {
        await _idle.StartAsync(CancellationToken.None);

        // The clock moves a second per poll until the watch's own timer has judged it idle: ExecuteAsync starts on
        // the thread pool, so a fixed count of advances can all land before its timer exists (seen on a busy CI).
        await Eventually.TrueAsync(() => _idle.IsIdle, "idle after 60 s without an item", _time, TimeSpan.FromSeconds(1));
        Assert.True(_time.GetUtcNow() - Start >= TimeSpan.FromSeconds(60), "idle before Trigger:IdleSeconds passed");
        await _idle.StopAsync(CancellationToken.None);
    }
}
