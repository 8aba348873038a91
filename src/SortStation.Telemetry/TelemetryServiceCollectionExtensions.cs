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
        // The health message runs the host's checks (the station registers them, in the order /healthz lists them).
        services.AddHealthChecks();
        services.AddSingleton<HealthPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<HealthPublisher>());
        services.AddHostedService<AlarmPublisher>();
        return services;
    }
}
