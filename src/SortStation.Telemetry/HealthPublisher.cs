using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SortStation.Contracts;
using SortStation.Core.Options;
using SortStation.Core.Timing;
using SortStation.Kernel.Timing;
using SortStation.Outbox;
using SortStation.Telemetry.Health;

namespace SortStation.Telemetry;

/// <summary>
/// Every Mqtt:HealthIntervalSeconds, runs the health checks (the same ones /healthz runs), builds a
/// <see cref="StationHealth"/> from their report and publishes it retained through the publisher's
/// connection. While the broker is away the snapshot is still taken (see <see cref="Latest"/>), so the
/// station's own view stays current; the next one after reconnect goes out.
/// </summary>
public sealed class HealthPublisher : BackgroundService
{
    private readonly MqttPublisher _publisher;
    private readonly HealthCheckService _checks;
    private readonly MqttOptions _mqtt;
    private readonly string _stationId;
    private readonly TimeProvider _time;
    private readonly long _started;

    public HealthPublisher(MqttPublisher publisher, HealthCheckService checks, IOptions<MqttOptions> mqtt, IOptions<StationOptions> station, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(mqtt);
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(time);
        _publisher = publisher;
        _checks = checks;
        _mqtt = mqtt.Value;
        _stationId = station.Value.Id;
        _time = time;
        _started = time.GetTimestamp();
    }

    /// <summary>The last snapshot taken (published or not).</summary>
    public StationHealth? Latest { get; private set; }

    /// <summary>Health messages the broker acknowledged.</summary>
    public long Published { get; private set; }

    public async Task<StationHealth> SnapshotAsync(CancellationToken ct)
    {
        var report = await _checks.CheckHealthAsync(ct);
        return StationHealthData.ToMessage(report, _stationId, _time.GetUtcNow(), Math.Round(_time.GetElapsedTime(_started).TotalSeconds, 1));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var topic = Topics.Health(_mqtt.TopicPrefix, _stationId);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_mqtt.HealthIntervalSeconds), _time);
        do
        {
            var health = await SnapshotAsync(stoppingToken);
            Latest = health;
            var payload = JsonSerializer.SerializeToUtf8Bytes(health, TelemetryJsonContext.Default.StationHealth);
            if (await _publisher.TryPublishRetainedAsync(topic, payload, stoppingToken))
            {
                Published++;
            }
        }
        while (await PeriodicTicks.NextAsync(timer, stoppingToken));
    }
}
