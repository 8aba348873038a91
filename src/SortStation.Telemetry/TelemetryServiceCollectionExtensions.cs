using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SortStation.Core;
using SortStation.Core.Telemetry;

namespace SortStation.Telemetry;

/// <summary>Registers the outbox and the MQTT publisher that drains it.</summary>
public static class TelemetryServiceCollectionExtensions
{
    public static IServiceCollection AddSortStationTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<MqttOptions, MqttOptionsValidator>(configuration, MqttOptions.Section);
        services.AddSingleton<IOutboxStore, MemoryOutboxStore>();
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<IOutboxStore>());
        services.AddSingleton<MqttPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<MqttPublisher>());
        return services;
    }
}
