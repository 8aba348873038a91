using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SortStation.Kernel.Options;

namespace SortStation.Operations;

/// <summary>Registers the Health section and the loopback endpoint; hosts add their health checks and create their instruments with <see cref="System.Diagnostics.Metrics.IMeterFactory"/>.</summary>
public static class OperationsServiceCollectionExtensions
{
    public static IServiceCollection AddOperationsEndpoint(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<HealthOptions, HealthOptionsValidator>(configuration, HealthOptions.Section);
        services.AddHealthChecks(); // HealthCheckService: the host adds its checks, /healthz runs them
        services.AddMetrics(); // IMeterFactory: each host's instruments, exported by PrometheusMeterExporter
        services.AddSingleton<PrometheusMeterExporter>();
        services.AddSingleton<OperationsEndpoint>();
        services.AddHostedService(sp => sp.GetRequiredService<OperationsEndpoint>());
        return services;
    }
}
