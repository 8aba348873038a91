using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SortStation.Contracts;
using SortStation.Core.Alarms;
using SortStation.Core.Classification;
using SortStation.Core.Devices;
using SortStation.Core.Options;
using SortStation.Core.Timing;
using SortStation.Outbox;

namespace SortStation.Telemetry;

/// <summary>
/// Every Mqtt:HealthIntervalSeconds, takes a <see cref="StationHealth"/> snapshot and publishes it retained
/// through the publisher's connection. While the broker is away the snapshot is still taken (see
/// <see cref="Latest"/>), so the station's own view stays current; the next one after reconnect goes out.
/// </summary>
public sealed class HealthPublisher : BackgroundService
{
    private readonly MqttPublisher _publisher;
    private readonly IOutboxStore _outbox;
    private readonly IServiceProvider _services;
    private readonly MqttOptions _mqtt;
    private readonly string _stationId;
    private readonly TimeProvider _time;
    private readonly long _started;

    public HealthPublisher(MqttPublisher publisher, IOutboxStore outbox, IServiceProvider services, IOptions<MqttOptions> mqtt, IOptions<StationOptions> station, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(mqtt);
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(time);
        _publisher = publisher;
        _outbox = outbox;
        _services = services;
        _mqtt = mqtt.Value;
        _stationId = station.Value.Id;
        _time = time;
        _started = time.GetTimestamp();
    }

    /// <summary>The last snapshot taken (published or not).</summary>
    public StationHealth? Latest { get; private set; }

    /// <summary>Health messages the broker acknowledged.</summary>
    public long Published { get; private set; }

    public StationHealth Snapshot()
    {
        // Devices are resolved lazily and optionally: a telemetry-only host (bench) has none.
        var camera = _services.GetService<ICamera>();
        var scale = _services.GetService<IScale>();
        var gates = _services.GetService<GateScheduler>();
        var model = _services.GetService<IClassifier>();
        var alarms = _services.GetService<StationAlarms>()?.Snapshot() ?? new AlarmSnapshot(0, []);
        var idle = _services.GetService<IdleWatch>()?.IsIdle ?? false;
        var estop = _services.GetService<IInterlock>()?.IsActive ?? false;
        return new StationHealth(
            StationHealth.CurrentSchema,
            _stationId,
            _time.GetUtcNow(),
            Math.Round(_time.GetElapsedTime(_started).TotalSeconds, 1),
            model?.Model.Id,
            new DevicesHealth(camera?.State, scale?.State, gates?.Gates.ToDictionary(g => g.Bin, g => g.State) ?? []),
            new OutboxHealth(_outbox.Pending, _outbox.Dropped, _outbox.Held, _outbox.WriteFailed),
            new MqttHealth(_publisher.IsConnected, _publisher.Acknowledged, _publisher.Failures, _publisher.ConnectAttempts, _publisher.LastPublishAt, _publisher.LastError),
            SortingState.Of(alarms, idle, estop),
            alarms.Active,
            gates is null ? null : new GateTimingHealth(gates.Statistics.MissedTotal, gates.Statistics.LostTotal));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var topic = Topics.Health(_mqtt.TopicPrefix, _stationId);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_mqtt.HealthIntervalSeconds), _time);
        do
        {
            var health = Snapshot();
            Latest = health;
            var payload = JsonSerializer.SerializeToUtf8Bytes(health, TelemetryJsonContext.Default.StationHealth);
            if (await _publisher.TryPublishRetainedAsync(topic, payload, stoppingToken))
            {
                Published++;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
    }
}
