using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SortStation.Core;
using SortStation.Core.Options;
using SortStation.Hardware.Options;
using SortStation.Kernel.Options;
using SortStation.Simulation;

namespace SortStation.Hosting;

/// <summary>
/// Sections the station knows beyond those its registrations validate: both hardware modes' sections
/// (appsettings.json documents them all and check-config validates the Raspberry ones while simulated)
/// and Serilog's, which belongs to Serilog and is free-form below its name.
/// </summary>
internal static class StationSections
{
    public const string Serilog = "Serilog";

    public static IServiceCollection AddStationSections(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddConfigSection(configuration, new ConfigSection(CameraOptions.Section, typeof(CameraOptions)));
        services.AddConfigSection(configuration, new ConfigSection(ScaleOptions.Section, typeof(ScaleOptions)));
        services.AddConfigSection(configuration, new ConfigSection(TriggerOptions.Section, typeof(TriggerOptions)));
        services.AddConfigSection(configuration, new ConfigSection(EStopOptions.Section, typeof(EStopOptions)));
        services.AddConfigSection(configuration, new ConfigSection(SimulationOptions.Section, typeof(SimulationOptions)));
        return services.AddConfigSection(configuration, new ConfigSection(Serilog, null, LiveLogLevel.Keys));
    }
}
