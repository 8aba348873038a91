using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SortStation.Kernel.Options;

namespace SortStation.Telemetry;

/// <summary>
/// Registers the MQTT publisher that drains the outbox (register it first: <c>AddSortStationOutbox</c>), the
/// health publisher and the alarm publisher.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    public static IServiceCollection AddSortStationTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<MqttOptions, MqttOptionsValidator>(configuration, MqttOptions.Section);
        services.AddSingleton<MqttPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<MqttPublisher>());
        services.AddSingleton<HealthPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<HealthPublisher>());
        services.AddHostedService<AlarmPublisher>();
        return services;
    }
}
