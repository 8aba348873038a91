using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SortStation.Core;
using SortStation.Core.Alarms;
using SortStation.Core.Telemetry;

namespace SortStation.Telemetry;

/// <summary>Registers the outbox (SQLite or memory, per Outbox:Kind), the MQTT publisher that drains it and the health publisher.</summary>
public static class TelemetryServiceCollectionExtensions
{
    public static IServiceCollection AddSortStationTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<MqttOptions, MqttOptionsValidator>(configuration, MqttOptions.Section);
        services.AddValidatedOptions<OutboxOptions, OutboxOptionsValidator>(configuration, OutboxOptions.Section);
        services.AddSingleton<IOutboxStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<OutboxOptions>>().Value;
            return options.Kind == OutboxKind.Memory
                ? new MemoryOutboxStore()
                : new SqliteOutboxStore(options, sp.GetRequiredService<ILogger<SqliteOutboxStore>>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<StationAlarms>());
        });
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<IOutboxStore>());
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
