using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SortStation.Telemetry.Health;

/// <summary>The MQTT connection: healthy while connected; carries the publisher's totals for the health message.</summary>
public sealed class BrokerHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<MqttPublisher>() is not { } p)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("no publisher"));
        }

        var mqtt = new MqttHealth(p.IsConnected, p.Acknowledged, p.Failures, p.ConnectAttempts, p.LastPublishAt, p.LastError);
        var detail = mqtt.Connected ? "connected" : $"disconnected: {mqtt.LastError ?? "connecting"}";
        return Task.FromResult(new HealthCheckResult(mqtt.Connected ? HealthStatus.Healthy : HealthStatus.Unhealthy, detail, data: StationHealthData.Data(mqtt)));
    }
}
