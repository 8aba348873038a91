using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Options;
using SortStation.Core.Devices;
using SortStation.Core.Pipeline;
using SortStation.Kernel.Hosting;
using SortStation.Operations;

namespace SortStation.Hosting;

/// <summary>
/// Registers the station's operations side: watchdog, health/metrics endpoint, live model and configuration reload.
/// The decorators (the tracked trigger, the last-good options monitor) and the watchdog's place are set by
/// <see cref="StationHostBuilder.AddSortStation"/>, where each seam is registered.
/// </summary>
internal static class StationOperations
{
    /// <summary>
    /// The systemd watchdog feeder as a hosted service. Register it before every other hosted service, so the pings
    /// start before hardware start-up (tare, camera) runs: systemd may count the watchdog from the start, and a slow
    /// tare must not look like a hang.
    /// </summary>
    public static IServiceCollection AddWatchdogFeeder(this IServiceCollection services)
    {
        // AddSystemd registers a notifier only under systemd; outside it this one is simply disabled.
        services.TryAddSingleton<ISystemdNotifier, SystemdNotifier>();
        services.AddSingleton(sp => new WatchdogFeeder(
            sp.GetRequiredService<ISystemdNotifier>(),
            sp.GetRequiredService<SortingRun>(),
            sp.GetService<IInterlock>() ?? NoInterlock.Instance,
            sp.GetRequiredService<IOptionsMonitor<HealthOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<WatchdogFeeder>>()));
        services.AddHostedService(sp => sp.GetRequiredService<WatchdogFeeder>());
        return services;
    }

    /// <summary>The item trigger, timed for the watchdog (an item that never leaves the pipeline is a stuck loop).</summary>
    public static IServiceCollection TrackTrigger(this IServiceCollection services) =>
        services.Decorate<IItemTrigger>((sp, inner) => new TrackedTrigger(inner, sp.GetRequiredService<SortingRun>()));

    /// <summary>Every options section: a bad live edit keeps the last valid value instead of failing each read.</summary>
    public static IServiceCollection UseLastGoodOptions(this IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton(typeof(IOptionsMonitor<>), typeof(LastGoodOptionsMonitor<>)));

    /// <summary>The /healthz and /metrics endpoint with the station's sources, the model and configuration reloaders.</summary>
    public static IServiceCollection AddStationOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOperationsEndpoint(configuration);
        services.AddSingleton<IHealthSource, StationHealthSource>();
        services.AddSingleton<IMetricsSource, StationMetricsSource>();

        services.AddSingleton<ModelReloader>();
        services.AddHostedService(sp => sp.GetRequiredService<ModelReloader>());
        services.AddHostedService<ReloadLogger>();
        return services;
    }
}
