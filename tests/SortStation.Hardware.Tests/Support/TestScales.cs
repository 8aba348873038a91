using System.Device.Gpio;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SortStation.Hardware.Options;
using SortStation.Hardware.Scale;

namespace SortStation.Hardware.Tests.Support;

/// <summary>An <see cref="Hx711Scale"/> over the real Iot.Device.Hx711 binding on a fake HX711.</summary>
public sealed class TestScale : IDisposable
{
    public TestScale(ScaleOptions? options = null)
    {
        Options = options ?? new ScaleOptions { CountsPerKilogram = 100_000, WindowSamples = 3, StableToleranceGrams = 2, ZeroTrackingGrams = 0 };
        Driver = new FakeGpioDriver();
        Chip = new FakeHx711(Driver, Options.DataPin, Options.ClockPin, Time);
        Gpio = new GpioController(Driver);
        Scale = new Hx711Scale(Gpio, Options, Time, NullLogger<Hx711Scale>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    public ScaleOptions Options { get; }

    public FakeGpioDriver Driver { get; }

    public FakeHx711 Chip { get; }

    public GpioController Gpio { get; }

    public Hx711Scale Scale { get; }

    public void Dispose()
    {
        Scale.Dispose();
        Gpio.Dispose();
    }
}
