using System.Device.Gpio;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SortStation.Core.Devices;
using SortStation.Hardware.Options;
using SortStation.Hardware.Safety;
using SortStation.Hardware.Tests.Support;

namespace SortStation.Hardware.Tests.Safety;

public sealed class GpioInterlockTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
    private readonly FakeGpioDriver _driver = new();
    private readonly EStopOptions _options = new() { Pin = 26, ActiveHigh = true, PullUp = true, ReleaseMilliseconds = 500 };

    [Fact]
    public void Constructor_LoopOpenAtStart_IsActive()
    {
        _driver.SetInput(26, PinValue.High);
        using var gpio = new GpioController(_driver);

        using var interlock = new GpioInterlock(gpio, _options, _time, NullLogger<GpioInterlock>.Instance);

        Assert.True(interlock.IsActive);
        Assert.False(interlock.WaitUntilClearAsync().IsCompleted);
    }

    [Fact]
    public void Edge_LoopOpens_TripsImmediately()
    {
        using var gpio = new GpioController(_driver);
        _driver.SetInput(26, PinValue.Low);
        using var interlock = new GpioInterlock(gpio, _options, _time, NullLogger<GpioInterlock>.Instance);
        var changes = new List<bool>();
        interlock.Changed += (_, e) => changes.Add(e.Active);

        _driver.SetInput(26, PinValue.High);

        Assert.True(interlock.IsActive);
        Assert.Equal([true], changes);
    }

    [Fact]
    public async Task Edge_LoopClosedForReleaseTime_Releases()
    {
        using var gpio = new GpioController(_driver);
        _driver.SetInput(26, PinValue.Low);
        using var interlock = new GpioInterlock(gpio, _options, _time, NullLogger<GpioInterlock>.Instance);
        _driver.SetInput(26, PinValue.High);
        var wait = interlock.WaitUntilClearAsync();

        _driver.SetInput(26, PinValue.Low);
        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.True(interlock.IsActive);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        await wait;
        Assert.False(interlock.IsActive);
        Assert.Equal(_time.GetUtcNow(), interlock.ReleasedAt);
    }

    [Fact]
    public void Edge_ContactBouncesDuringRelease_RestartsReleaseTime()
    {
        using var gpio = new GpioController(_driver);
        _driver.SetInput(26, PinValue.Low);
        using var interlock = new GpioInterlock(gpio, _options, _time, NullLogger<GpioInterlock>.Instance);
        _driver.SetInput(26, PinValue.High);

        _driver.SetInput(26, PinValue.Low);
        _time.Advance(TimeSpan.FromMilliseconds(300));
        _driver.SetInput(26, PinValue.High); // bounce
        _driver.SetInput(26, PinValue.Low);
        _time.Advance(TimeSpan.FromMilliseconds(300));

        Assert.True(interlock.IsActive);
        _time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.False(interlock.IsActive);
    }
}
