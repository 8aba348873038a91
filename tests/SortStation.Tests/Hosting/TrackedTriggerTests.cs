using Microsoft.Extensions.Time.Testing;
using SortStation.Core.Pipeline;
using SortStation.Hosting;

namespace SortStation.Tests.Hosting;

public sealed class TrackedTriggerTests
{
    [Fact]
    public async Task WatchAsync_WhileLoopHoldsItem_ItemInProgress()
    {
        var time = new FakeTimeProvider();
        var run = new SortingRun(time);
        var trigger = new TrackedTrigger(FakeTrigger.Finished(2), run);
        var seen = new List<TimeSpan?>();

        await foreach (var item in trigger.WatchAsync())
        {
            time.Advance(TimeSpan.FromSeconds(3));
            seen.Add(run.ItemInProgressFor);
        }

        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)], seen);
        Assert.Null(run.ItemInProgressFor);
        Assert.Equal(2, run.ItemsStarted);
    }

    [Fact]
    public async Task WatchAsync_LoopAbandonsEnumeration_NotLeftInProgress()
    {
        var run = new SortingRun(new FakeTimeProvider());
        var trigger = new TrackedTrigger(FakeTrigger.Finished(5), run);

        await foreach (var item in trigger.WatchAsync())
        {
            break;
        }

        Assert.Null(run.ItemInProgressFor);
    }
}
