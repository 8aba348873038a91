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
        await StartAsync();
        await TicksAsync(6);
        var whileIdle = _notifier.Pings;

        _run.ItemStarted(); // ... and never finishes: the pipeline is stuck inside this item.
        await TicksAsync(5); // 25 s > Health:ItemStallSeconds = 20
        var atStall = _notifier.Pings;
        Assert.False(_feeder.Last.Alive);
        await TicksAsync(60);

        Assert.Equal(7, whileIdle); // at start and after each of the six intervals
        Assert.Equal(atStall, _notifier.Pings);
        Assert.False(_feeder.Last.Alive);
        await _feeder.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ExecuteAsync_ItemsKeepFlowing_FeedsEveryInterval()
    {
        await StartAsync();

        for (var i = 0; i < 12; i++)
        {
            _run.ItemStarted();
            await TicksAsync(1);
            _run.ItemFinished();
        }

        Assert.Equal(13, _notifier.Pings);
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

    /// <summary>Starts the feeder and waits for its first judgement: ExecuteAsync runs on the thread pool, so its timer may not exist yet when StartAsync returns.</summary>
    private async Task StartAsync()
    {
        await _feeder.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => _feeder.Checks == 1, "the feeder's first check");
    }

    /// <summary>Advances fake time an interval at a time and waits for the feeder's judgement of each (the sentinel that proves a missing ping is an absence, not a late thread).</summary>
    private async Task TicksAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var before = _feeder.Checks;
            _time.Advance(Interval);
            await Eventually.TrueAsync(() => _feeder.Checks > before, "the feeder's check after an interval");
        }
    }
}
