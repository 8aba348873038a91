using System.Buffers;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using SortStation.Contracts;
using SortStation.Core.Options;
using SortStation.Mqtt;
using SortStation.Outbox;

namespace SortStation.Telemetry;

/// <summary>
/// Drains the outbox to the broker: MQTT v5, persistent session, QoS 1, up to Mqtt:MaxInFlight
/// publishes in flight, and an entry leaves the outbox only after its PUBACK. Retained status
/// <c>online</c> (the birth message) is published after every (re)connect; the last will says <c>offline</c>.
/// Connection, back-off and outage logging are the shared <see cref="MqttSessionLoop"/>: any failure means wait a
/// jittered back-off, reconnect, retry — the records stay in the outbox.
/// </summary>
public sealed class MqttPublisher : BackgroundService
{
    private readonly IOutboxStore _outbox;
    private readonly MqttOptions _mqtt;
    private readonly StationConnect _connect;
    private readonly string _stationId;
    private readonly TimeProvider _time;
    private readonly ILogger<MqttPublisher> _log;
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly MqttSessionLoop _session;
    private CancellationTokenSource _connection = new();
    private long _acknowledged;
    private long _lastPublishTicks;

    public MqttPublisher(IOutboxStore outbox, IOptions<MqttOptions> mqtt, IOptions<StationOptions> station, TimeProvider time, ILogger<MqttPublisher> log)
    {
        ArgumentNullException.ThrowIfNull(mqtt);
        ArgumentNullException.ThrowIfNull(station);
        _outbox = outbox;
        _mqtt = mqtt.Value;
        _stationId = station.Value.Id;
        _connect = new StationConnect(_mqtt, _stationId);
        _time = time;
        _log = log;
        _session = new MqttSessionLoop(_client, _mqtt, time, log, () => $"{_outbox.Pending} records kept in the outbox");
        // A lost connection wakes the drain loop even while the outbox is empty, so it reconnects and re-announces itself.
        _client.DisconnectedAsync += _ =>
        {
            // A late event from an earlier connection must not cancel the current one.
            if (!_client.IsConnected)
            {
                Volatile.Read(ref _connection).Cancel();
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>Records the broker has acknowledged (PUBACK) since start.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Failed connects and publishes since start.</summary>
    public long Failures => _session.Failures;

    public long ConnectAttempts => _session.ConnectAttempts;

    public bool IsConnected => _client.IsConnected;

    /// <summary>The last connection or publish error, without secrets; null while healthy.</summary>
    public string? LastError => _session.LastError;

    public DateTimeOffset? LastPublishAt
    {
        get
        {
            var ticks = Interlocked.Read(ref _lastPublishTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>Publishes a retained QoS 1 message if connected (health); false when not delivered.</summary>
    public async Task<bool> TryPublishRetainedAsync(string topic, byte[] payload, CancellationToken ct = default)
    {
        if (!_client.IsConnected)
        {
            return false;
        }

        try
        {
            var result = await _client.PublishAsync(Retained(topic, payload), ct);
            return result.IsSuccess;
        }
#pragma warning disable CA1031 // The drain loop owns reconnecting; a side publish just reports failure.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_client.IsConnected)
        {
            try
            {
                // A clean disconnect suppresses the will, so say offline ourselves.
                await TryPublishRetainedAsync(Topics.Status(_mqtt.TopicPrefix, _stationId), System.Text.Encoding.UTF8.GetBytes(StationStatus.Offline), cancellationToken);
                await _client.DisconnectAsync(new MqttClientDisconnectOptions(), cancellationToken);
            }
#pragma warning disable CA1031 // Shutdown must finish: if the broker or the stop timeout interrupts the goodbye, the will says offline.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _log.LogWarning("MQTT disconnect at shutdown did not complete ({Error}); the broker's last will reports offline", ex.Message);
            }
        }
    }

    public override void Dispose()
    {
        _client.Dispose();
        _connection.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _session.RunAsync(DrainAsync, stoppingToken);

    // One turn of the session: (re)connect if needed, then publish one batch. A lost connection cancels the read.
    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        if (!_client.IsConnected)
        {
            RenewConnectionToken();
            await _session.ConnectAsync(_connect.Create(), AnnounceAsync, stoppingToken);
        }
        else if (_connection.IsCancellationRequested)
        {
            RenewConnectionToken(); // the client reconnected under us; wait on the live connection
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, _connection.Token);
        var batch = await _outbox.ReadBatchAsync(_mqtt.MaxInFlight, linked.Token);
        await PublishAsync(batch, stoppingToken);
    }

    // Birth message after every (re)connect: the retained status must not stay at the will's offline.
    private async Task AnnounceAsync(CancellationToken ct)
    {
        var birth = await _client.PublishAsync(Retained(Topics.Status(_mqtt.TopicPrefix, _stationId), System.Text.Encoding.UTF8.GetBytes(StationStatus.Online)), ct);
        if (birth.ReasonCode == MqttClientPublishReasonCode.NotAuthorized)
        {
            // The fleet broker's ACL lets user X publish only under {prefix}/X/ (docs/security.md).
            throw new InvalidOperationException($"broker refused the status message (NotAuthorized): it lets user \"{_mqtt.Username}\" publish only under its own topics; Mqtt:Username must be Station:Id (\"{_stationId}\"), as given by sortstation-central stations add");
        }

        if (!birth.IsSuccess)
        {
            throw new InvalidOperationException($"broker refused the status message: {birth.ReasonCode} {birth.ReasonString}");
        }
    }

    /// <summary>
    /// A fresh token for the next connection. The old source is left to the GC rather than disposed:
    /// the disconnect handler may still be cancelling it on another thread.
    /// </summary>
    private void RenewConnectionToken() => Volatile.Write(ref _connection, new CancellationTokenSource());

    private async Task PublishAsync(IReadOnlyList<OutboxEntry> batch, CancellationToken ct)
    {
        var topic = Topics.Weighing(_mqtt.TopicPrefix, _stationId);
        var pending = new Task<MqttClientPublishResult>[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(new ReadOnlySequence<byte>(batch[i].Payload))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithContentType("application/json")
                .Build();
            pending[i] = _client.PublishAsync(message, ct);
        }

        // Every PUBACKed entry leaves the outbox, even when a neighbour failed: fewer duplicates after a reconnect.
        var accepted = new List<OutboxEntry>(batch.Count);
        ExceptionDispatchInfo? failure = null;
        for (var i = 0; i < pending.Length; i++)
        {
            try
            {
                var result = await pending[i];
                if (result.IsSuccess)
                {
                    accepted.Add(batch[i]);
                }
                else
                {
                    failure ??= ExceptionDispatchInfo.Capture(new InvalidOperationException($"broker refused a weighing: {result.ReasonCode} {result.ReasonString}"));
                }
            }
#pragma warning disable CA1031 // Collected and rethrown below once the acknowledged entries are removed.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure ??= ExceptionDispatchInfo.Capture(ex);
            }
        }

        await _outbox.AcknowledgeAsync(accepted, CancellationToken.None);
        Interlocked.Add(ref _acknowledged, accepted.Count);
        if (accepted.Count > 0)
        {
            Interlocked.Exchange(ref _lastPublishTicks, _time.GetUtcNow().UtcTicks);
        }

        failure?.Throw();
    }

    private static MqttApplicationMessage Retained(string topic, byte[] payload) => new MqttApplicationMessageBuilder()
        .WithTopic(topic)
        .WithPayload(payload)
        .WithRetainFlag()
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();
}
