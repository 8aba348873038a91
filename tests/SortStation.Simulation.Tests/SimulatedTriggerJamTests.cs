using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;
using Microsoft.Extensions.Time.Testing;
using SortStation.Core.Alarms;
using SortStation.Core.Options;
using SortStation.Simulation;

namespace SortStation.Simulation.Tests;

/// <summary>Simulation:JamAfterItems holds the simulated photo-eye blocked, so the demo and tests can show a jam.</summary>
public sealed class SimulatedTriggerJamTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task WatchAsync_JamAfterItems_JamRaisedAfterJamSecondsAndClearedWhenTheHoldEnds()
    {
        var alarms = new StationAlarms(_time, NullLogger.Instance);
        var simulation = MsOptions.Create(new SimulationOptions { Items = 2, ItemIntervalMilliseconds = 100, JamAfterItems = 1, JamHoldSeconds = 10 });
        var trigger = new SimulatedTrigger(new SimulatedConveyor(simulation), simulation, _time, alarms, MsOptions.Create(new TriggerWatchOptions { JamSeconds = 3 }));
        await using var items = trigger.WatchAsync().GetAsyncEnumerator();
        var first = items.MoveNextAsync().AsTask();
        await Eventually.TrueAsync(() => first.IsCompleted, _time);

        var second = items.MoveNextAsync().AsTask(); // the beam is now held blocked
        _time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(alarms.IsStopped);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(AlarmCodes.Jam, Assert.Single(alarms.Snapshot().Active).Code);
        Assert.False(second.IsCompleted); // no item passes a blocked beam

        _time.Advance(TimeSpan.FromSeconds(7));
        await Eventually.TrueAsync(() => second.IsCompleted, _time);

        Assert.True(await second);
        Assert.Equal(2, items.Current.Sequence);
        Assert.False(alarms.IsStopped);
        Assert.Equal(1, alarms.RaisedCount(AlarmCodes.Jam));
    }
}
