using System.Buffers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using SortStation.Contracts;
using SortStation.Core.Options;

namespace SortStation.Telemetry;

/// <summary>
/// Drains the outbox to the broker: MQTT v5, persistent session, QoS 1, up to Mqtt:MaxInFlight
/// publishes in flight, and an entry leaves the outbox only after its PUBACK. Retained status
/// <c>online</c> is published after every (re)connect; the last will says <c>offline</c>.
/// </summary>
public sealed class MqttPublisher : BackgroundService
{
    private readonly IOutboxStore _outbox;
    private readonly MqttOptions _mqtt;
    private readonly string _stationId;
    private readonly TimeProvider _time;
    private readonly ILogger<MqttPublisher> _log;
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly Backoff _backoff;
    private long _acknowledged;
    private long _failures;
    private bool _faultLogged;

    public MqttPublisher(IOutboxStore outbox, IOptions<MqttOptions> mqtt, IOptions<StationOptions> station, TimeProvider time, ILogger<MqttPublisher> log)
    {
        ArgumentNullException.ThrowIfNull(mqtt);
        ArgumentNullException.ThrowIfNull(station);
        _outbox = outbox;
        _mqtt = mqtt.Value;
        _stationId = station.Value.Id;
        _time = time;
        _log = log;
        _backoff = new Backoff(TimeSpan.FromSeconds(_mqtt.ReconnectMinSeconds), TimeSpan.FromSeconds(_mqtt.ReconnectMaxSeconds), new Random());
    }

    /// <summary>Records the broker has acknowledged (PUBACK) since start.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    public long Failures => Interlocked.Read(ref _failures);

    public bool IsConnected => _client.IsConnected;

    public DateTimeOffset? LastPublishAt { get; private set; }

    private string StatusTopic => Topics.Status(_mqtt.TopicPrefix, _stationId);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_client.IsConnected)
        {
            // A clean disconnect suppresses the will, so say offline ourselves.
            await TryPublishStatusAsync(StationStatus.Offline, cancellationToken);
            await _client.DisconnectAsync(new MqttClientDisconnectOptions(), cancellationToken);
        }
    }

    public override void Dispose()
    {
        _client.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!_client.IsConnected)
                {
                    await ConnectAsync(stoppingToken);
                }

                var batch = await _outbox.ReadBatchAsync(_mqtt.MaxInFlight, stoppingToken);
                await PublishAsync(batch, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Any broker or network failure means: wait, reconnect, retry. Records stay in the outbox.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _failures);
                var wait = _backoff.Next();
                if (!_faultLogged)
                {
                    _log.LogWarning("MQTT broker {Broker} unavailable ({Error}); {Pending} records kept in the outbox, retrying with back-off", _mqtt.Broker, ex.Message, _outbox.Pending);
                    _faultLogged = true;
                }

                await Task.Delay(wait, _time, stoppingToken).ContinueWith(static _ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task ConnectAsync(CancellationToken ct)
    {
        var uri = _mqtt.BrokerUri;
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(uri.Host, uri.Port > 0 ? uri.Port : 1883)
            .WithClientId(string.IsNullOrWhiteSpace(_mqtt.ClientId) ? $"sortstation-{_stationId}" : _mqtt.ClientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(7 * 24 * 3600) // keep QoS 1 state across reconnects for a week
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(_mqtt.KeepAliveSeconds))
            .WithWillTopic(StatusTopic)
            .WithWillPayload(StationStatus.Offline)
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        await _client.ConnectAsync(options, ct);
        await TryPublishStatusAsync(StationStatus.Online, ct);
        _backoff.Reset();
        if (_faultLogged)
        {
            _log.LogInformation("MQTT broker {Broker} reachable again; draining {Pending} records", _mqtt.Broker, _outbox.Pending);
            _faultLogged = false;
        }
        else
        {
            _log.LogInformation("Connected to MQTT broker {Broker}", _mqtt.Broker);
        }
    }

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

        var results = await Task.WhenAll(pending);

        // Acknowledge the in-order prefix that the broker accepted; the rest is retried after reconnect.
        var accepted = 0;
        while (accepted < results.Length && results[accepted].IsSuccess)
        {
            accepted++;
        }

        await _outbox.AcknowledgeAsync(batch.Take(accepted).ToArray(), ct);
        Interlocked.Add(ref _acknowledged, accepted);
        LastPublishAt = _time.GetUtcNow();
        if (accepted < results.Length)
        {
            throw new InvalidOperationException($"broker refused a weighing: {results[accepted].ReasonCode} {results[accepted].ReasonString}");
        }
    }

    private async Task TryPublishStatusAsync(string status, CancellationToken ct)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(StatusTopic)
            .WithPayload(status)
            .WithRetainFlag()
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        await _client.PublishAsync(message, ct);
    }
}
