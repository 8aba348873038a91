using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using SortStation.Central.Live;
using SortStation.Central.Options;
using SortStation.Mqtt;

namespace SortStation.Central.Ingest;

/// <summary>
/// Receives weighings through the shared subscription <c>$share/{group}/{prefix}/+/weighing</c> (QoS 1,
/// persistent session) and acknowledges each message only after its batch is committed, so a crash
/// before the commit means re-delivery, never loss. The receive handler only queues (the receive
/// maximum holds the broker back); one loop validates, stores and acknowledges in batches. Connection, back-off
/// and outage logging are the shared <see cref="MqttSessionLoop"/>.
/// </summary>
public sealed partial class MqttIngestService : BackgroundService, IClusterPublisher
{
    private readonly CentralMqttOptions _mqtt;
    private readonly CentralConnect _connect;
    private readonly IngestPipeline _pipeline;
    private readonly TimeProvider _time;
    private readonly ILogger<MqttIngestService> _log;
    private readonly StationStateTracker? _stations;
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly Channel<PendingMessage> _queue;
    private readonly MqttSessionLoop _session;
    private TaskCompletionSource _disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _connection;
    private bool _subscribed;

    public MqttIngestService(IOptions<CentralMqttOptions> mqtt, IOptions<CentralOptions> central, IngestPipeline pipeline, TimeProvider time, ILogger<MqttIngestService> log, StationStateTracker? stations = null)
    {
        ArgumentNullException.ThrowIfNull(mqtt);
        ArgumentNullException.ThrowIfNull(central);
        _mqtt = mqtt.Value;
        _connect = new CentralConnect(_mqtt, central.Value.InstanceId);
        _pipeline = pipeline;
        _time = time;
        _log = log;
        _stations = stations;
        _session = new MqttSessionLoop(_client, _mqtt, time, log, static () => "unacknowledged weighings stay on the broker");
        // Unbounded on purpose: the broker never has more than Mqtt:ReceiveMaximum unacknowledged
        // messages out (MQTT v5 flow control), and a receive handler that waits for queue space could
        // deadlock with a PUBACK that needs the client's receive loop.
        _queue = Channel.CreateUnbounded<PendingMessage>(new UnboundedChannelOptions { SingleReader = true });
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        _client.DisconnectedAsync += _ =>
        {
            _disconnected.TrySetResult();
            return Task.CompletedTask;
        };
    }

    public bool IsConnected => _client.IsConnected;

    /// <summary>Connected and the shared subscription granted: weighings published from now on reach central.</summary>
    public bool IsSubscribed => _client.IsConnected && Volatile.Read(ref _subscribed);

    public async Task<bool> PublishRetainedAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (!_client.IsConnected)
        {
            return false;
        }

        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload.ToArray()).WithRetainFlag()
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithContentType("application/json").Build();
        var result = await _client.PublishAsync(message, cancellationToken);
        return result.IsSuccess;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_client.IsConnected)
        {
            // No unsubscribe: the session (and unacknowledged weighings) stays on the broker until we return.
            await _client.DisconnectAsync(new MqttClientDisconnectOptions(), cancellationToken);
        }
    }

    public override void Dispose()
    {
        _client.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batches = new IngestBatchLoop(_queue.Reader, _pipeline, _mqtt, _time, _log);
        return Task.WhenAll(_session.RunAsync(SessionAsync, stoppingToken), batches.RunAsync(() => Interlocked.Read(ref _connection), () => _client.IsConnected, stoppingToken));
    }

    // One session: connect, subscribe, wait until the connection is lost (then the loop reconnects at once).
    private async Task SessionAsync(CancellationToken ct)
    {
        _disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Before CONNECT: with a session present the broker re-sends right after CONNACK, and
        // those messages must be acknowledged on this connection, or they hold receive-maximum slots forever.
        Interlocked.Increment(ref _connection);
        Volatile.Write(ref _subscribed, false);
        await _session.ConnectAsync(_connect.Create(), SubscribeAsync, ct);
        Volatile.Write(ref _subscribed, true);
        LogSubscribed(_connect.ClientId, _connect.SharedFilter);
        await _disconnected.Task.WaitAsync(ct);
        LogDisconnected(_mqtt.Broker);
    }

    private async Task SubscribeAsync(CancellationToken ct)
    {
        var options = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(_connect.SharedFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build();
        var result = await _client.SubscribeAsync(options, ct);
        var code = result.Items.First().ResultCode;
        if (code != MqttClientSubscribeResultCode.GrantedQoS1)
        {
            throw new InvalidOperationException($"broker refused the subscription {_connect.SharedFilter}: {code}");
        }

        if (_stations is not null)
        {
            await SubscribeStationStateAsync(ct);
        }
    }

    // QoS 0 and not shared: the retained messages arrive on every subscribe, so nothing is queued while away.
    // A refusal leaves the console without station states, never the weighings without a consumer.
    private async Task SubscribeStationStateAsync(CancellationToken ct)
    {
        var builder = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in _connect.StationStateFilters)
        {
            builder.WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce));
        }

        var result = await _client.SubscribeAsync(builder.Build(), ct);
        foreach (var item in result.Items.Where(i => i.ResultCode != MqttClientSubscribeResultCode.GrantedQoS0))
        {
            LogStateRefused(item.TopicFilter.Topic, item.ResultCode.ToString());
        }
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var topic = e.ApplicationMessage.Topic;
        if (_stations is not null && (topic.EndsWith("/status", StringComparison.Ordinal) || topic.EndsWith("/health", StringComparison.Ordinal)))
        {
            _stations.Apply(topic, System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload));
            return Task.CompletedTask;
        }

        e.AutoAcknowledge = false;
        var message = new IncomingMessage(e.ApplicationMessage.Topic, System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload));
        // Never blocks; if stopping, the message stays unacknowledged and the broker delivers it again.
        _queue.Writer.TryWrite(new PendingMessage(message, e, Interlocked.Read(ref _connection)));
        return Task.CompletedTask;
    }

    [LoggerMessage(LogLevel.Information, "MQTT session of {ClientId} subscribed to {Filter}")]
    private partial void LogSubscribed(string clientId, string filter);

    [LoggerMessage(LogLevel.Warning, "Lost MQTT broker {Broker}; reconnecting")]
    private partial void LogDisconnected(string broker);

    [LoggerMessage(LogLevel.Warning, "Broker refused the subscription {Filter} ({Code}): the console shows no station status or health (central's ACL must let it read sortstation/+/#)")]
    private partial void LogStateRefused(string filter, string code);


}
