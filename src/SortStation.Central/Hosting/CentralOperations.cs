using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting.Systemd;
using SortStation.Operations;

namespace SortStation.Central.Hosting;

/// <summary>
/// The central service's operations side (issue 7): systemd watchdog, and /healthz + /metrics on
/// 127.0.0.1 (Health section; off by default, port 9465 so it never meets a station's 9464 on one box).
/// </summary>
internal static class CentralOperations
{
    public static IServiceCollection AddCentralOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HealthOptions>(o => o.Port = 9465); // the default; Health:Port in the configuration wins
        services.AddOperationsEndpoint(configuration);
        services.AddSingleton<CentralHealth>();
        services.AddHealthChecks()
            .AddServiceCheck<CentralHealth>("broker", h => h.Broker())
            .AddServiceCheck<CentralHealth>("ingest", h => h.Ingest())
            .AddServiceCheck<CentralHealth>("recluster", h => h.Recluster());
        services.AddSingleton<CentralMetrics>();
        services.AddHostedService(sp => sp.GetRequiredService<CentralMetrics>());

        // AddSystemd registers a notifier only under systemd; outside it this one is simply disabled.
        services.TryAddSingleton<ISystemdNotifier, SystemdNotifier>();
        services.AddHostedService<HostWatchdog>();
        return services;
    }
}
