using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Options;
using SortStation.Core.Devices;
using SortStation.Core.Pipeline;
using SortStation.Operations;

namespace SortStation.Hosting;

/// <summary>Registers the station's operations side: watchdog, health/metrics endpoint, live model and configuration reload.</summary>
internal static class StationOperations
{
    /// <summary>Call after the hardware is registered: the trigger it registered is wrapped.</summary>
    public static IServiceCollection AddStationOperations(this IServiceCollection services, IConfiguration configuration)
    {
        TrackTrigger(services);

        // AddSystemd registers a notifier only under systemd; outside it this one is simply disabled.
        services.TryAddSingleton<ISystemdNotifier, SystemdNotifier>();
        services.AddSingleton(sp => new WatchdogFeeder(
            sp.GetRequiredService<ISystemdNotifier>(),
            sp.GetRequiredService<SortingRun>(),
            sp.GetService<IInterlock>() ?? NoInterlock.Instance,
            sp.GetRequiredService<IOptionsMonitor<HealthOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<WatchdogFeeder>>()));
        // First of the hosted services, so the pings start before hardware start-up (tare, camera) runs:
        // systemd may count the watchdog from the start, and a slow tare must not look like a hang.
        var feeder = ServiceDescriptor.Singleton<IHostedService>(sp => sp.GetRequiredService<WatchdogFeeder>());
        var firstHosted = services.IndexOf(services.FirstOrDefault(d => d.ServiceType == typeof(IHostedService))!);
        services.Insert(Math.Max(firstHosted, 0), feeder);

        services.AddOperationsEndpoint(configuration);
        services.AddStationHealthChecks();
        services.AddSingleton<StationMetrics>();
        services.AddHostedService(sp => sp.GetRequiredService<StationMetrics>());

        services.AddSingleton<ModelReloader>();
        services.AddHostedService(sp => sp.GetRequiredService<ModelReloader>());
        services.AddHostedService<ReloadLogger>();

        // Every section: a bad live edit keeps the last valid value instead of failing each read.
        services.Replace(ServiceDescriptor.Singleton(typeof(IOptionsMonitor<>), typeof(LastGoodOptionsMonitor<>)));
        return services;
    }

    private static void TrackTrigger(IServiceCollection services)
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IItemTrigger));
        if (inner is null)
        {
            return;
        }

        services.Remove(inner);
        services.AddSingleton<IItemTrigger>(sp => new TrackedTrigger(Create(sp, inner), sp.GetRequiredService<SortingRun>()));
    }

    private static IItemTrigger Create(IServiceProvider sp, ServiceDescriptor d) =>
        (IItemTrigger)(d.ImplementationInstance
            ?? d.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, d.ImplementationType!));
}
