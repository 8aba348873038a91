using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SortStation.Kernel.Options;

namespace SortStation.Operations;

/// <summary>Registers the Health section and the loopback endpoint; hosts add their <see cref="IHealthSource"/> and <see cref="IMetricsSource"/>.</summary>
public static class OperationsServiceCollectionExtensions
{
    public static IServiceCollection AddOperationsEndpoint(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<HealthOptions, HealthOptionsValidator>(configuration, HealthOptions.Section);
        services.AddSingleton<OperationsEndpoint>();
        services.AddHostedService(sp => sp.GetRequiredService<OperationsEndpoint>());
        return services;
    }
}
