using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SortStation.Core.Pipeline;
using SortStation.Hosting;
using SortStation.Operations;

namespace SortStation.Tests.Hosting;

public sealed class WatchdogFeederTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _time = new();
    private readonly FakeNotifier _notifier = new();
    private readonly SortingRun _run;
    private readonly WatchdogFeeder _feeder;

    public WatchdogFeederTests()
    {
        _run = new SortingRun(_time);
        var options = new TestOptionsMonitor<HealthOptions>(new HealthOptions { ItemStallSeconds = 20 });
        _feeder = new WatchdogFeeder(_notifier, _run, new FakeInterlock(), options, _time, NullLogger<WatchdogFeeder>.Instance) { Interval = Interval };
    }

    [Fact]
    public async Task ExecuteAsync_StalledPipeline_StopsFeedingWithinStallLimit()
    {
        await _feeder.StartAsync(CancellationToken.None);
        await AdvanceAsync(TimeSpan.FromSeconds(30));
        var whileIdle = _notifier.Pings;

        _run.ItemStarted(); // ... and never finishes: the pipeline is stuck inside this item.
        await AdvanceAsync(TimeSpan.FromSeconds(20) + Interval);
        var atStall = _notifier.Pings;
        await AdvanceAsync(TimeSpan.FromMinutes(5));

        Assert.True(whileIdle >= 6, $"only {whileIdle} pings while idle");
        Assert.Equal(atStall, _notifier.Pings);
        Assert.False(_feeder.Last.Alive);
        await _feeder.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ExecuteAsync_ItemsKeepFlowing_FeedsEveryInterval()
    {
        await _feeder.StartAsync(CancellationToken.None);

        for (var i = 0; i < 12; i++)
        {
            _run.ItemStarted();
            await AdvanceAsync(Interval);
            _run.ItemFinished();
        }

        Assert.True(_notifier.Pings >= 12, $"{_notifier.Pings} pings");
        Assert.True(_feeder.Last.Alive);
        await _feeder.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void Check_StuckThenFinished_FeedsAgain()
    {
        _run.ItemStarted();
        _time.Advance(TimeSpan.FromSeconds(25));
        Assert.False(_feeder.Check().Alive);

        _run.ItemFinished();

        Assert.True(_feeder.Check().Alive);
        Assert.Equal(1, _notifier.Pings);
    }

    [Theory]
    [InlineData("30000000", 15)]
    [InlineData(null, 5)]
    [InlineData("garbage", 5)]
    public void IntervalFrom_WatchdogUsec_HalfThePeriod(string? usec, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), WatchdogInterval.From(usec));

    /// <summary>Advances fake time one second at a time, letting the timer's continuation run in between.</summary>
    private async Task AdvanceAsync(TimeSpan span)
    {
        for (var t = TimeSpan.Zero; t < span; t += TimeSpan.FromSeconds(1))
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }
    }
}
