using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Serilog;
using SortStation.Core;
using SortStation.Core.Classification;
using SortStation.Core.Options;
using SortStation.Core.Pipeline;
using SortStation.Hardware;
using SortStation.Kernel.Hosting;
using SortStation.Outbox;
using SortStation.Simulation;
using SortStation.Telemetry;
using SortStation.Vision;

namespace SortStation.Hosting;

/// <summary>Composes the station: configuration layers, Serilog, core loop, devices, classifier and telemetry.</summary>
public static class StationHostBuilder
{
    /// <summary>What a failed start tells the technician did not happen.</summary>
    public const string NotStarted = "the station was not started and no gate was energised";

    public static IHost Build(FileInfo? configFile, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        StationConfiguration.AddLayers(builder.Configuration, configFile, overrides);
        builder.AddSortStation();
        return ServiceRun.Validated(builder.Build());
    }

    public static IHostApplicationBuilder AddSortStation(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var logLevel = new LiveLogLevel(builder.Configuration);
        services.AddSingleton(_ => logLevel); // a factory, so the container disposes it
        // preserveStaticLogger: the host owns its logger; disposing one host (tests run several) must not close another's sinks.
        services.AddSerilog((_, logger) => logger.ReadFrom.Configuration(builder.Configuration).MinimumLevel.ControlledBy(logLevel.Switch), preserveStaticLogger: true);
        services.AddSystemd();
        // Above SortingLoop.StopDrainLimit (12 s: fires of items already recorded are served on a stop) and below
        // systemd's TimeoutStopSec (20 s).
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
        services.UseLastGoodOptions(); // decorator of every section's IOptionsMonitor<>: here, before anything reads one
        services.AddWatchdogFeeder(); // the first hosted service, so it is the first started

        services.AddSortStationCore(builder.Configuration);
        services.AddSingleton(sp => new SwappableClassifier(sp.GetRequiredService<IOptions<ModelOptions>>().Value));
        services.AddSingleton<IClassifier>(sp => sp.GetRequiredService<SwappableClassifier>());
        services.AddSingleton(sp => new PipelineDevices(
            sp.GetRequiredService<Core.Devices.ICamera>(),
            sp.GetRequiredService<IClassifier>(),
            sp.GetRequiredService<Core.Devices.IScale>()));
        AddHardware(services, builder.Configuration);
        services.AddStationSections(builder.Configuration);
        services.AddSortStationOutbox(builder.Configuration);
        services.AddSortStationTelemetry(builder.Configuration);
        services.AddHostedService<SortingLoop>();
        services.AddHostedService(sp => sp.GetRequiredService<Core.Alarms.IdleWatch>());
        services.AddHostedService(sp => sp.GetRequiredService<Core.Alarms.GateTimingWatch>());
        services.AddStationOperations(builder.Configuration);
        return builder;
    }

    private static void AddHardware(IServiceCollection services, IConfiguration configuration)
    {
        var mode = configuration.GetValue(StationOptions.Section + ":" + nameof(StationOptions.Hardware), HardwareMode.Simulated);
        switch (mode)
        {
            case HardwareMode.Simulated:
                services.AddSimulatedHardware(configuration);
                break;
            case HardwareMode.Raspberry:
                services.AddRaspberryHardware(configuration);
                break;
            default:
                throw new OptionsValidationException(StationOptions.Section, typeof(StationOptions), [$"Station:Hardware = {mode}: no drivers for it. Fix: use Simulated or Raspberry."]);
        }

        services.TrackTrigger(); // the trigger's decorator, where the trigger is registered
    }
}
