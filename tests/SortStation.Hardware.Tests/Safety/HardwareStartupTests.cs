using System.Device.Gpio;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SortStation.Core.Devices;
using SortStation.Hardware.Gates;
using SortStation.Hardware.Options;
using SortStation.Hardware.Safety;
using SortStation.Hardware.Tests.Support;

namespace SortStation.Hardware.Tests.Safety;

public sealed class HardwareStartupTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task StartAsync_TareOnStart_TaresAndLeavesGatesSafe()
    {
        using var scale = new TestScale();
        scale.Chip.Steady = 7_000;
        using var gate = Solenoid(scale.Gpio, out _);
        using var startup = new HardwareStartup([gate], scale.Scale, new FakeCamera(), new ScaleOptions { TareSamples = 3 }, NullLogger<HardwareStartup>.Instance);

        await startup.StartAsync(CancellationToken.None);

        Assert.Equal(7_000, scale.Scale.ZeroCounts);
        Assert.Equal(PinValue.Low, scale.Driver.LevelOf(27));
    }

    [Fact]
    public async Task StartAsync_ScaleMissing_StartsAnywayWithScaleFaulted()
    {
        using var scale = new TestScale();
        scale.Chip.Powered = false;
        using var startup = new HardwareStartup([], scale.Scale, new FakeCamera(), new ScaleOptions { TareSamples = 3 }, NullLogger<HardwareStartup>.Instance);

        var start = startup.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => start.IsCompleted, scale.Time, TimeSpan.FromMilliseconds(20));

        await start;
        Assert.Equal(DeviceState.Faulted, scale.Scale.State);
    }

    [Fact]
    public void OnUnhandledException_GateEnergised_DrivesItSafe()
    {
        using var scale = new TestScale();
        using var gate = Solenoid(scale.Gpio, out var output);
        using var startup = new HardwareStartup([gate], scale.Scale, new FakeCamera(), new ScaleOptions(), NullLogger<HardwareStartup>.Instance);
        output.Energise();

        startup.OnUnhandledException(null, new UnhandledExceptionEventArgs(new InvalidOperationException("boom"), isTerminating: true));

        Assert.Equal(PinValue.Low, scale.Driver.LevelOf(27));
    }

    [Fact]
    public async Task StopAsync_GateEnergised_DrivesItSafe()
    {
        using var scale = new TestScale();
        using var gate = Solenoid(scale.Gpio, out var output);
        using var startup = new HardwareStartup([gate], scale.Scale, new FakeCamera(), new ScaleOptions(), NullLogger<HardwareStartup>.Instance);
        output.Energise();

        await startup.StopAsync(CancellationToken.None);

        Assert.Equal(PinValue.Low, scale.Driver.LevelOf(27));
    }

    private SolenoidGate Solenoid(GpioController gpio, out DigitalOutput output)
    {
        output = new DigitalOutput(gpio, 27, activeHigh: true);
        return new SolenoidGate("glass", output, TimeSpan.FromMilliseconds(80), _time);
    }
}
