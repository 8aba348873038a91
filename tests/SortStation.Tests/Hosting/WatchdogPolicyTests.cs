using Microsoft.Extensions.Time.Testing;
using SortStation.Core.Pipeline;
using SortStation.Hosting;

namespace SortStation.Tests.Hosting;

public sealed class WatchdogPolicyTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new();
    private readonly FakeInterlock _interlock = new();

    [Fact]
    public void Judge_IdleBeltForAnHour_Alive()
    {
        var run = new SortingRun(_time);

        _time.Advance(TimeSpan.FromHours(1));

        Assert.True(WatchdogPolicy.Judge(run, _interlock, Limit).Alive);
    }

    [Fact]
    public void Judge_ItemInPipelineBeyondLimit_NotAlive()
    {
        var run = new SortingRun(_time);
        run.ItemStarted();

        _time.Advance(Limit + TimeSpan.FromSeconds(1));

        var verdict = WatchdogPolicy.Judge(run, _interlock, Limit);
        Assert.False(verdict.Alive);
        Assert.Contains("Health:ItemStallSeconds", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_ItemInPipelineWithinLimit_Alive()
    {
        var run = new SortingRun(_time);
        run.ItemStarted();

        _time.Advance(Limit - TimeSpan.FromSeconds(1));

        Assert.True(WatchdogPolicy.Judge(run, _interlock, Limit).Alive);
    }

    [Fact]
    public void Judge_ItemFinishedLongAgo_Alive()
    {
        var run = new SortingRun(_time);
        run.ItemStarted();
        run.ItemFinished();

        _time.Advance(Limit * 10);

        Assert.True(WatchdogPolicy.Judge(run, _interlock, Limit).Alive);
    }

    [Fact]
    public void Judge_InterlockActiveWithItemWaiting_Alive()
    {
        var run = new SortingRun(_time);
        run.ItemStarted();
        _interlock.IsActive = true;

        _time.Advance(Limit * 10);

        Assert.True(WatchdogPolicy.Judge(run, _interlock, Limit).Alive);
    }

    [Fact]
    public void Judge_LoopFailed_NotAlive()
    {
        var run = new SortingRun(_time);

        run.Fail(new InvalidOperationException("camera driver crashed"));

        var verdict = WatchdogPolicy.Judge(run, _interlock, Limit);
        Assert.False(verdict.Alive);
        Assert.Contains("camera driver crashed", verdict.Reason, StringComparison.Ordinal);
    }
}
