using System.Buffers;
using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using SortStation.Contracts;
using SortStation.Kernel.Timing;
using SortStation.Mqtt;

namespace SortStation.Demo;

/// <summary>
/// An in-process consumer of one station's weighing topic (<c>{prefix}/{stationId}/weighing</c>): proves that
/// station's records arrive, counts duplicates by itemId (the idempotency key) and keeps the records for checks.
/// Other stations on the same broker are not its business; a payload on its topic that names another station
/// is counted apart (<see cref="OtherStation"/>), never as received. It holds a persistent session (MQTT v5 clean start
/// off, a session expiry, a fixed client id) and reconnects with back-off after a lost connection, so the broker
/// queues what is published while it is cut off and the delivery check stays true across a network cut.
/// </summary>
public sealed class WeighingSubscriber : IAsyncDisposable
{
    private static readonly TimeSpan SessionExpiry = TimeSpan.FromHours(1);

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentDictionary<string, WeighingRecord> _records = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly SemaphoreSlim _lost = new(0, 1);
    private readonly MqttClientOptions _options;
    private readonly MqttClientSubscribeOptions _subscription;
    private readonly TimeProvider _time;
    private Task _reconnecting = Task.CompletedTask;
    private long _duplicates;
    private long _malformed;
    private long _otherStation;
    private long _reconnects;

    private WeighingSubscriber(Uri broker, string topicPrefix, string stationId, TimeProvider time)
    {
        _time = time;
        StationId = stationId;
        Topic = Topics.Weighing(topicPrefix, stationId);
        _options = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId($"sortstation-demo-subscriber-{Guid.NewGuid():N}")
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)SessionExpiry.TotalSeconds)
            .Build();
        _subscription = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(Topic, MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
    }

    public string StationId { get; }

    /// <summary>The one topic it subscribes to.</summary>
    public string Topic { get; }

    /// <summary>Distinct records of <see cref="StationId"/> received.</summary>
    public int Received => _records.Count;

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long Malformed => Interlocked.Read(ref _malformed);

    /// <summary>Payloads on this station's topic whose <c>stationId</c> is another station's: a record that lies.</summary>
    public long OtherStation => Interlocked.Read(ref _otherStation);

    /// <summary>Connections made again after a lost one.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    public bool IsConnected => _client.IsConnected;

    public IReadOnlyCollection<WeighingRecord> Records => (IReadOnlyCollection<WeighingRecord>)_records.Values;

    public static async Task<WeighingSubscriber> ConnectAsync(Uri broker, string topicPrefix, string stationId, CancellationToken ct = default) =>
        await ConnectAsync(broker, topicPrefix, stationId, TimeProvider.System, ct);

    public static async Task<WeighingSubscriber> ConnectAsync(Uri broker, string topicPrefix, string stationId, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentException.ThrowIfNullOrEmpty(stationId);
        var subscriber = new WeighingSubscriber(broker, topicPrefix, stationId, time);
        subscriber._client.ApplicationMessageReceivedAsync += e =>
        {
            subscriber.OnMessage(e.ApplicationMessage.Payload);
            return Task.CompletedTask;
        };
        await subscriber.ConnectOnceAsync(ct);
        subscriber._client.DisconnectedAsync += _ =>
        {
            if (!subscriber._closing.IsCancellationRequested && subscriber._lost.CurrentCount == 0)
            {
                subscriber._lost.Release();
            }

            return Task.CompletedTask;
        };
        subscriber._reconnecting = Task.Run(() => subscriber.KeepConnectedAsync(subscriber._closing.Token), CancellationToken.None);
        return subscriber;
    }

    /// <summary>Waits until <paramref name="count"/> distinct records have arrived; false on timeout.</summary>
    public async Task<bool> WaitForAsync(int count, TimeSpan timeout, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(time);
        var deadline = time.GetTimestamp() + (long)(timeout.TotalSeconds * time.TimestampFrequency);
        while (Received < count && time.GetTimestamp() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), time, ct);
        }

        return Received >= count;
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        await _reconnecting.ContinueWith(_ => { }, TaskScheduler.Default);
        if (_client.IsConnected)
        {
            // Done with the check: end the session too, so the broker keeps nothing for this client id.
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithSessionExpiryInterval(0).Build());
        }

        _client.Dispose();
        _closing.Dispose();
        _lost.Dispose();
    }

    /// <summary>Connects, and subscribes unless the broker still has the session (and with it the subscription and the queued records).</summary>
    private async Task ConnectOnceAsync(CancellationToken ct)
    {
        var result = await _client.ConnectAsync(_options, ct);
        if (!result.IsSessionPresent)
        {
            await _client.SubscribeAsync(_subscription, ct);
        }
    }

    private async Task KeepConnectedAsync(CancellationToken ct)
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), new Random());
        while (!ct.IsCancellationRequested)
        {
            await _lost.WaitAsync(ct);
            while (!_client.IsConnected && !ct.IsCancellationRequested)
            {
                await Task.Delay(backoff.Next(), _time, ct);
                try
                {
                    await ConnectOnceAsync(ct);
                    Interlocked.Increment(ref _reconnects);
                    backoff.Reset();
                }
#pragma warning disable CA1031 // Whatever a connect attempt throws (refused, timed out, cut again), the answer is to wait and retry.
                catch (Exception) when (!ct.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    // Broker still unreachable: wait and try again.
                }
            }
        }
    }

    private void OnMessage(ReadOnlySequence<byte> payload)
    {
        WeighingRecord? record;
        try
        {
            record = ContractJson.DeserializeWeighing(payload.ToArray());
        }
        catch (System.Text.Json.JsonException)
        {
            record = null;
        }

        if (record is null)
        {
            Interlocked.Increment(ref _malformed);
        }
        else if (!string.Equals(record.StationId, StationId, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _otherStation);
        }
        else if (!_records.TryAdd(record.ItemId, record))
        {
            Interlocked.Increment(ref _duplicates);
        }
    }
}
