using System.Device.Gpio;
using Microsoft.Extensions.Time.Testing;
using SortStation.Core.Devices;
using SortStation.Core.Options;
using SortStation.Hardware.Gates;
using SortStation.Hardware.Tests.Support;

namespace SortStation.Hardware.Tests.Gates;

public sealed class GateDriverTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
    private readonly FakeGpioDriver _driver = new();

    [Fact]
    public void DigitalOutput_Open_StartsAtInactiveLevelWithoutGlitch()
    {
        using var gpio = new GpioController(_driver);

        using var output = new DigitalOutput(gpio, 17, activeHigh: false);

        // Active-low board: the inactive level is High, and the pin drives High from the moment it becomes an output.
        var writes = _driver.Writes.Where(w => w.Pin == 17).ToList();
        Assert.NotEmpty(writes);
        Assert.All(writes, w => Assert.Equal(PinValue.High, w.Value));
        Assert.Equal(PinMode.Output, _driver.ModeOf(17));
        Assert.Equal(PinValue.High, _driver.LevelWhenMadeOutput(17));
        Assert.Equal(PinValue.High, _driver.LevelOf(17));
    }

    [Fact]
    public async Task Solenoid_Fire_EnergisesForPulseThenReleases()
    {
        using var gpio = new GpioController(_driver);
        using var gate = new SolenoidGate("glass", new DigitalOutput(gpio, 27, activeHigh: true), TimeSpan.FromMilliseconds(80), _time);

        var fire = gate.FireAsync().AsTask();
        Assert.Equal(PinValue.High, _driver.LevelOf(27));
        Assert.Equal(DeviceState.Online, gate.State);
        _time.Advance(TimeSpan.FromMilliseconds(79));
        Assert.Equal(PinValue.High, _driver.LevelOf(27));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await fire;

        Assert.Equal(PinValue.Low, _driver.LevelOf(27));
        Assert.Equal(DeviceState.SafeState, gate.State);
    }

    [Fact]
    public async Task Solenoid_ActiveLowBoard_EnergisesLow()
    {
        using var gpio = new GpioController(_driver);
        using var gate = new SolenoidGate("glass", new DigitalOutput(gpio, 27, activeHigh: false), TimeSpan.FromMilliseconds(80), _time);

        var fire = gate.FireAsync().AsTask();
        var during = _driver.LevelOf(27);
        _time.Advance(TimeSpan.FromMilliseconds(80));
        await fire;

        Assert.Equal((PinValue.Low, PinValue.High), (during, _driver.LevelOf(27)));
    }

    [Fact]
    public async Task Solenoid_CancelledMidPulse_ReleasesAtOnce()
    {
        using var gpio = new GpioController(_driver);
        using var gate = new SolenoidGate("glass", new DigitalOutput(gpio, 27, activeHigh: true), TimeSpan.FromSeconds(5), _time);
        using var cts = new CancellationTokenSource();

        var fire = gate.FireAsync(cts.Token).AsTask();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fire);
        Assert.Equal(PinValue.Low, _driver.LevelOf(27));
    }

    [Fact]
    public async Task Relay_Fire_HoldsThenWaitsReleaseTimeBeforeNext()
    {
        using var gpio = new GpioController(_driver);
        using var gate = new RelayGate("fibre", new DigitalOutput(gpio, 17, activeHigh: true), TimeSpan.FromMilliseconds(300), _time);

        var fire = gate.FireAsync().AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(300));
        var releasedBeforeEnd = _driver.LevelOf(17) == PinValue.Low && !fire.IsCompleted;
        _time.Advance(RelayGate.ReleaseTime);
        await fire;

        Assert.True(releasedBeforeEnd);
    }

    [Fact]
    public async Task Servo_Fire_SwingsToActiveAngleAndBackToRest()
    {
        var pwm = new FakePwmChannel();
        using var gate = new ServoGate("metal", pwm, restDegrees: 0, activeDegrees: 90, TimeSpan.FromMilliseconds(250), _time);

        var fire = gate.FireAsync().AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(250));
        await fire;

        Assert.Equal([0.05, 0.075, 0.05], pwm.Duties.Select(d => Math.Round(d, 6)));
        Assert.Equal(50, pwm.Frequency);
        Assert.True(pwm.Running);
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(90, 1.5)]
    [InlineData(180, 2.0)]
    [InlineData(200, 2.0)]
    public void ServoAngle_PulseWidth_FollowsStandardServoTiming(double degrees, double ms)
    {
        Assert.Equal(ms, ServoAngle.PulseWidth(degrees).TotalMilliseconds, 9);
    }

    [Fact]
    public void GateFactory_Bins_OneDriverPerGatedBin()
    {
        using var gpio = new GpioController(_driver);
        var sorting = new SortingOptions
        {
            Bins = new(StringComparer.OrdinalIgnoreCase)
            {
                ["a"] = new BinOptions { Gate = GateKind.Solenoid, Pin = 17, DistanceMeters = 1 },
                ["b"] = new BinOptions { Gate = GateKind.Relay, Pin = 27, DistanceMeters = 1, ActiveHigh = false },
                ["c"] = new BinOptions { Gate = GateKind.Servo, Pin = 18, DistanceMeters = 1 },
                ["reject"] = new BinOptions { Gate = GateKind.None, DistanceMeters = 2 },
            },
        };
        var pwmPins = new List<int>();

        var gates = GateFactory.Create(sorting, gpio, _time, pin => { pwmPins.Add(pin); return new FakePwmChannel(); });

        Assert.Equal(["a", "b", "c"], gates.Select(g => g.Bin));
        Assert.IsType<SolenoidGate>(gates[0]);
        Assert.IsType<RelayGate>(gates[1]);
        Assert.IsType<ServoGate>(gates[2]);
        Assert.Equal([18], pwmPins);
        Assert.Equal(PinValue.High, _driver.LevelOf(27)); // active-low relay opened released
    }
}
