using System.Device.Gpio;
using System.Device.Pwm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SortStation.Core;
using SortStation.Core.Alarms;
using SortStation.Core.Devices;
using SortStation.Core.Options;
using SortStation.Hardware.Camera;
using SortStation.Hardware.Gates;
using SortStation.Hardware.Options;
using SortStation.Hardware.Safety;
using SortStation.Hardware.Scale;
using SortStation.Hardware.Triggers;
using SortStation.Kernel.Options;

namespace SortStation.Hardware;

/// <summary>Puts the Raspberry Pi drivers behind every device seam (Station:Hardware = Raspberry).</summary>
public static class RaspberryServiceCollectionExtensions
{
    public static IServiceCollection AddRaspberryHardware(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<CameraOptions, CameraOptionsValidator>(configuration, CameraOptions.Section);
        services.AddValidatedOptions<ScaleOptions, ScaleOptionsValidator>(configuration, ScaleOptions.Section);
        services.AddValidatedOptions<TriggerOptions, TriggerOptionsValidator>(configuration, TriggerOptions.Section);
        services.AddValidatedOptions<EStopOptions, EStopOptionsValidator>(configuration, EStopOptions.Section);
        services.AddOptions<HardwareLayout>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HardwareLayout>, HardwareLayoutValidator>();

        // Tests register a GpioController over a fake driver first; on a Pi the board's driver is chosen.
        services.TryAddSingleton(_ => OpenGpio());
        services.AddSingleton<IFrameSource>(sp =>
        {
            var o = Get<CameraOptions>(sp);
            return AppPaths.Resolve(o.ReplayFile) is { } file ? VideoCaptureSource.File(o, file) : VideoCaptureSource.Device(o);
        });
        services.AddSingleton(sp => new StreamingCamera(sp.GetRequiredService<IFrameSource>(), Get<CameraOptions>(sp), Time(sp), Log<StreamingCamera>(sp)));
        services.AddSingleton<ICamera>(sp => sp.GetRequiredService<StreamingCamera>());
        services.AddSingleton(sp => new Hx711Scale(sp.GetRequiredService<GpioController>(), Get<ScaleOptions>(sp), Time(sp), Log<Hx711Scale>(sp)));
        services.AddSingleton<IScale>(sp => sp.GetRequiredService<Hx711Scale>());
        services.AddSingleton<ICalibratableScale>(sp => sp.GetRequiredService<Hx711Scale>());
        services.AddSingleton(sp => CreateTrigger(sp, Get<TriggerOptions>(sp)));
        services.AddSingleton<IInterlock>(sp => Get<EStopOptions>(sp) is { Enabled: true } e
            ? new GpioInterlock(sp.GetRequiredService<GpioController>(), e, Time(sp), Log<GpioInterlock>(sp))
            : NoInterlock.Instance);
        // Owned by the container through GateSet: disposing the host closes the pins and stops servo PWM.
        // A registered Func<int, PwmChannel> (tests) supplies the servos' PWM channels.
        services.AddGates(sp => GateFactory.Create(Get<SortingOptions>(sp), sp.GetRequiredService<GpioController>(), Time(sp), sp.GetService<Func<int, PwmChannel>>()));
        services.AddHostedService(sp => new HardwareStartup(
            sp.GetRequiredService<IEnumerable<IGate>>(),
            sp.GetRequiredService<ICalibratableScale>(),
            sp.GetRequiredService<ICamera>(),
            Get<ScaleOptions>(sp),
            Log<HardwareStartup>(sp)));
        return services;
    }

    private static GpioController OpenGpio()
    {
        try
        {
            return new GpioController();
        }
#pragma warning disable CA1031 // Whatever the driver throws, the technician needs the same advice.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            throw new InvalidOperationException($"Station:Hardware = Raspberry, but no GPIO chip could be opened ({ex.Message}). Run on a Raspberry Pi with the service user in the gpio group (and libgpiod installed on a Pi 5), or set Station:Hardware to Simulated.", ex);
        }
    }

    private static IItemTrigger CreateTrigger(IServiceProvider sp, TriggerOptions o) => o.Kind switch
    {
        TriggerKind.ScaleLoad => new ScaleLoadTrigger(sp.GetRequiredService<Hx711Scale>(), o, Time(sp), Log<ScaleLoadTrigger>(sp)),
        TriggerKind.Motion => new MotionTrigger(sp.GetRequiredService<ICamera>(), o, Get<CameraOptions>(sp), Time(sp), Log<MotionTrigger>(sp)),
        _ => new PhotoEyeTrigger(sp.GetRequiredService<GpioController>(), o, Time(sp), sp.GetService<StationAlarms>()),
    };

    private static T Get<T>(IServiceProvider sp)
        where T : class => sp.GetRequiredService<IOptions<T>>().Value;

    private static TimeProvider Time(IServiceProvider sp) => sp.GetRequiredService<TimeProvider>();

    private static ILogger<T> Log<T>(IServiceProvider sp) => sp.GetRequiredService<ILogger<T>>();
}
