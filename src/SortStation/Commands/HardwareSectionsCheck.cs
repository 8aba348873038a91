using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SortStation.Hardware.Options;
using SortStation.Hosting;

namespace SortStation.Commands;

/// <summary>
/// The Raspberry sections (Camera, Scale, Trigger, EStop, pin map) checked even while the station runs
/// simulated, so a technician can prepare the hardware configuration before switching Station:Hardware.
/// </summary>
internal static class HardwareSectionsCheck
{
    public static IReadOnlyList<string> Failures(FileInfo? configFile)
    {
        var configuration = StationConfiguration.Build(configFile);
        var failures = new List<string>();
        Check(failures, new CameraOptionsValidator(), configuration.GetSection(CameraOptions.Section).Get<CameraOptions>());
        Check(failures, new ScaleOptionsValidator(), configuration.GetSection(ScaleOptions.Section).Get<ScaleOptions>());
        Check(failures, new TriggerOptionsValidator(), configuration.GetSection(TriggerOptions.Section).Get<TriggerOptions>());
        Check(failures, new EStopOptionsValidator(), configuration.GetSection(EStopOptions.Section).Get<EStopOptions>());
        Check(failures, new HardwareLayoutValidator(), configuration.Get<HardwareLayout>());
        return failures;
    }

    private static void Check<T>(List<string> failures, IValidateOptions<T> validator, T? options)
        where T : class, new()
    {
        var result = validator.Validate(null, options ?? new T());
        if (result.Failed)
        {
            failures.AddRange(result.Failures);
        }
    }
}
