using System.Device.Gpio;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SortStation.Core.Alarms;
using SortStation.Core.Devices;
using SortStation.Hardware.Options;
using SortStation.Hardware.Tests.Support;
using SortStation.Hardware.Triggers;

namespace SortStation.Hardware.Tests.Triggers;

public sealed class PhotoEyeTriggerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
    private readonly FakeGpioDriver _driver = new();

    [Fact]
    public async Task WatchAsync_ActiveLowBeamBlocked_EmitsItemStampedAtEdge()
    {
        using var gpio = new GpioController(_driver);
        var trigger = new PhotoEyeTrigger(gpio, new TriggerOptions { Pin = 16, ActiveHigh = false, PullUp = true }, _time);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await using var items = trigger.WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var next = items.MoveNextAsync().AsTask();
        await Eventually.TrueAsync(() => _driver.CallbackCount(16) == 1);
        var edgeAt = _time.GetUtcNow();

        _driver.SetInput(16, PinValue.Low);

        Assert.True(await next);
        Assert.Equal(new ItemDetected(1, edgeAt), items.Current);
        Assert.Equal(PinMode.InputPullUp, _driver.ModeOf(16));
    }

    [Fact]
    public async Task WatchAsync_BounceWithinDebounce_CountsOneItem()
    {
        var items = await CollectAsync(new TriggerOptions { Pin = 16, ActiveHigh = true, PullUp = false, DebounceMilliseconds = 20, MinSpacingMilliseconds = 20 }, expected: 2, () =>
        {
            foreach (var level in new[] { PinValue.High, PinValue.Low, PinValue.High, PinValue.Low, PinValue.High })
            {
                _driver.SetInput(16, level);
                _time.Advance(TimeSpan.FromMilliseconds(3));
            }

            _driver.SetInput(16, PinValue.Low);
            _time.Advance(TimeSpan.FromMilliseconds(100));
            _driver.SetInput(16, PinValue.High); // the next item
        });

        Assert.Equal([1L, 2L], items.Select(i => i.Sequence));
        Assert.Equal(TimeSpan.FromMilliseconds(115), items[1].At - items[0].At);
    }

    [Fact]
    public async Task WatchAsync_NextEdgeSoonerThanMinSpacing_SameItem()
    {
        var items = await CollectAsync(new TriggerOptions { Pin = 16, ActiveHigh = true, PullUp = false, MinSpacingMilliseconds = 150 }, expected: 2, () =>
        {
            foreach (var gap in new[] { 115, 85 })
            {
                _driver.SetInput(16, PinValue.High);
                _time.Advance(TimeSpan.FromMilliseconds(10));
                _driver.SetInput(16, PinValue.Low);
                _time.Advance(TimeSpan.FromMilliseconds(gap - 10));
            }

            _driver.SetInput(16, PinValue.High); // 200 ms after the first: the next item
        });

        Assert.Equal(TimeSpan.FromMilliseconds(200), items[1].At - items[0].At);
    }

    [Fact]
    public async Task WatchAsync_ActiveHigh_IgnoresFallingEdges()
    {
        var items = await CollectAsync(new TriggerOptions { Pin = 16, ActiveHigh = true, PullUp = false }, expected: 1, () =>
        {
            _driver.SetInput(16, PinValue.High);
            _time.Advance(TimeSpan.FromMilliseconds(50));
            _driver.SetInput(16, PinValue.Low);
        });

        Assert.Single(items);
    }

    [Fact]
    public async Task WatchAsync_Cancelled_UnregistersAndClosesPin()
    {
        using var gpio = new GpioController(_driver);
        var trigger = new PhotoEyeTrigger(gpio, new TriggerOptions { Pin = 16 }, _time);
        using var cts = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            await foreach (var _ in trigger.WatchAsync(cts.Token))
            {
            }
        });
        await Eventually.TrueAsync(() => _driver.CallbackCount(16) == 1);

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watch);

        Assert.DoesNotContain(16, _driver.OpenPins);
    }

    [Fact]
    public async Task WatchAsync_BeamHeldPastJamSeconds_JamSoftStopUntilTheBeamClears()
    {
        var alarms = new StationAlarms(_time, NullLogger.Instance);
        using var gpio = new GpioController(_driver);
        var trigger = new PhotoEyeTrigger(gpio, new TriggerOptions { Pin = 16, ActiveHigh = false, PullUp = true, JamSeconds = 5 }, _time, alarms);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var items = trigger.WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var first = items.MoveNextAsync().AsTask();
        await Eventually.TrueAsync(() => _driver.CallbackCount(16) == 1);

        _driver.SetInput(16, PinValue.Low); // an item enters the beam ...
        Assert.True(await first);
        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(alarms.IsStopped);
        _time.Advance(TimeSpan.FromSeconds(0.1)); // ... and stays there

        var jam = Assert.Single(alarms.Snapshot().Active);
        Assert.Equal(AlarmCodes.Jam, jam.Code);
        Assert.Contains("GPIO 16 (Trigger:Pin)", jam.Message, StringComparison.Ordinal);

        _driver.SetInput(16, PinValue.High);

        Assert.False(alarms.IsStopped);
        Assert.Equal(1, alarms.RaisedCount(AlarmCodes.Jam));
    }

    [Fact]
    public async Task WatchAsync_ItemsPassQuickly_NoJam()
    {
        var alarms = new StationAlarms(_time, NullLogger.Instance);
        await CollectAsync(new TriggerOptions { Pin = 16, ActiveHigh = true, PullUp = false, JamSeconds = 1 }, expected: 3, () =>
        {
            for (var i = 0; i < 3; i++)
            {
                _driver.SetInput(16, PinValue.High);
                _time.Advance(TimeSpan.FromMilliseconds(600));
                _driver.SetInput(16, PinValue.Low);
                _time.Advance(TimeSpan.FromMilliseconds(600));
            }
        }, alarms);

        Assert.Equal(0, alarms.RaisedCount(AlarmCodes.Jam));
    }

    [Fact]
    public async Task WatchAsync_BlockedAlreadyAtStart_CountsTowardAJam()
    {
        var alarms = new StationAlarms(_time, NullLogger.Instance);
        _driver.SetInput(16, PinValue.High); // an item left in the beam before the service started
        using var gpio = new GpioController(_driver);
        var trigger = new PhotoEyeTrigger(gpio, new TriggerOptions { Pin = 16, ActiveHigh = true, PullUp = false, JamSeconds = 5 }, _time, alarms);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var items = trigger.WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var next = items.MoveNextAsync();
        await Eventually.TrueAsync(() => _driver.CallbackCount(16) == 1);

        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.True(alarms.IsStopped);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await next);
    }

    private async Task<List<ItemDetected>> CollectAsync(TriggerOptions options, int expected, Action stimulus, StationAlarms? alarms = null)
    {
        using var gpio = new GpioController(_driver);
        var trigger = new PhotoEyeTrigger(gpio, options, _time, alarms);
        using var cts = new CancellationTokenSource();
        var items = new List<ItemDetected>();
        var watch = Task.Run(async () =>
        {
            await foreach (var item in trigger.WatchAsync(cts.Token))
            {
                lock (items)
                {
                    items.Add(item);
                }
            }
        });
        await Eventually.TrueAsync(() => _driver.CallbackCount(options.Pin) == 1);
        stimulus();
        await Eventually.TrueAsync(() => Count(items) >= expected, what: $"{expected} item(s)");
        await Task.Delay(50); // room for an item too many to show up
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watch);
        return items;
    }

    private static int Count(List<ItemDetected> items)
    {
        lock (items)
        {
            return items.Count;
        }
    }
}
