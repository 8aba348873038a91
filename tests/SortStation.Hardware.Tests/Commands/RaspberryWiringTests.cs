using System.Device.Gpio;
using System.Device.Pwm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SortStation.Core;
using SortStation.Core.Devices;
using SortStation.Hardware.Camera;
using SortStation.Hardware.Gates;
using SortStation.Hardware.Safety;
using SortStation.Hardware.Scale;
using SortStation.Hardware.Tests.Support;
using SortStation.Hardware.Triggers;

namespace SortStation.Hardware.Tests.Commands;

/// <summary>AddRaspberryHardware with the shipped appsettings.json, on a fake GPIO driver.</summary>
public sealed class RaspberryWiringTests
{
    [Fact]
    public void AddRaspberryHardware_ShippedConfig_ResolvesEveryDriver()
    {
        var driver = new FakeGpioDriver();
        using var sp = Build(driver, []);

        Assert.Equal(5, sp.GetRequiredService<IEnumerable<IGate>>().Count());
        Assert.IsType<Hx711Scale>(sp.GetRequiredService<IScale>());
        Assert.IsType<StreamingCamera>(sp.GetRequiredService<ICamera>());
        Assert.IsType<PhotoEyeTrigger>(sp.GetRequiredService<IItemTrigger>());
        Assert.IsType<GpioInterlock>(sp.GetRequiredService<IInterlock>());
        Assert.All(new[] { 17, 27, 22, 23, 24 }, pin => Assert.Equal(PinValue.Low, driver.LevelOf(pin)));
    }

    [Fact]
    public void AddRaspberryHardware_ScaleOnEStopPin_FailsValidationBeforeAnyPinIsOpened()
    {
        var driver = new FakeGpioDriver();
        using var sp = Build(driver, new() { ["Scale:ClockPin"] = "26" });

        var ex = Assert.ThrowsAny<Exception>(() => sp.GetRequiredService<IStartupValidator>().Validate());
        var failures = (ex is AggregateException a ? a.InnerExceptions : [ex]).OfType<OptionsValidationException>().SelectMany(e => e.Failures);

        Assert.Contains(failures, f => f.Contains("GPIO 26 is claimed by several functions", StringComparison.Ordinal));
        Assert.Empty(driver.OpenPins);
    }

    [Fact]
    public void AddRaspberryHardware_DamagedCalibrationFile_FailsValidationBeforeAnyPinIsOpened()
    {
        using var calibration = new CalibrationFolder();
        File.WriteAllText(calibration.File, "{ \"countsPerKilogram\": 0 }");
        var driver = new FakeGpioDriver();
        using var sp = Build(driver, new() { ["Scale:CalibrationFile"] = calibration.File });

        var ex = Assert.ThrowsAny<Exception>(() => sp.GetRequiredService<IStartupValidator>().Validate());
        var failures = (ex is AggregateException a ? a.InnerExceptions : [ex]).OfType<OptionsValidationException>().SelectMany(e => e.Failures);

        Assert.Contains(failures, f => f.StartsWith($"Scale:CalibrationFile = \"{calibration.File}\": cannot be used", StringComparison.Ordinal));
        Assert.Empty(driver.OpenPins);
    }

    [Fact]
    public void Dispose_HostContainer_EveryGateReleasedServoPwmStoppedSolenoidPinsClosed()
    {
        var driver = new FakeGpioDriver();
        var pwm = new FakePwmChannel();
        var sp = Build(driver, new() { ["Sorting:Bins:glass:Gate"] = "Servo" }, s => s.AddSingleton<Func<int, PwmChannel>>(_ => pwm));
        var gates = sp.GetRequiredService<IEnumerable<IGate>>().ToArray();
        Assert.True(pwm.Running);
        Assert.Contains(17, driver.OpenPins);

        sp.Dispose();

        Assert.False(pwm.Running);
        Assert.True(pwm.Disposed);
        Assert.Equal(ServoAngle.DutyCycle(0), pwm.DutyCycle); // back at rest before the PWM stopped
        Assert.All(new[] { 17, 22, 23, 24 }, pin => Assert.DoesNotContain(pin, driver.OpenPins));
        Assert.Equal(5, gates.Length);
    }

    private static ServiceProvider Build(FakeGpioDriver driver, Dictionary<string, string?> overrides, Action<IServiceCollection>? extra = null)
    {
        var config = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .AddInMemoryCollection(overrides)
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new GpioController(driver));
        services.AddSortStationCore(config);
        services.AddRaspberryHardware(config);
        extra?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
