using System.Buffers;
using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using SortStation.Contracts;

namespace SortStation.Demo;

/// <summary>
/// An in-process consumer of the weighing topic: proves records arrive, counts duplicates by itemId
/// (the idempotency key) and keeps the records for checks.
/// </summary>
public sealed class WeighingSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentDictionary<string, WeighingRecord> _records = new();
    private long _duplicates;
    private long _malformed;

    public int Received => _records.Count;

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long Malformed => Interlocked.Read(ref _malformed);

    public IReadOnlyCollection<WeighingRecord> Records => (IReadOnlyCollection<WeighingRecord>)_records.Values;

    public static async Task<WeighingSubscriber> ConnectAsync(Uri broker, string topicPrefix, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var subscriber = new WeighingSubscriber();
        subscriber._client.ApplicationMessageReceivedAsync += e =>
        {
            subscriber.OnMessage(e.ApplicationMessage.Payload);
            return Task.CompletedTask;
        };
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId($"sortstation-demo-subscriber-{Guid.NewGuid():N}")
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build();
        await subscriber._client.ConnectAsync(options, ct);
        var subscription = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(Topics.AllWeighings(topicPrefix), MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        await subscriber._client.SubscribeAsync(subscription, ct);
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
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptions());
        }

        _client.Dispose();
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
        else if (!_records.TryAdd(record.ItemId, record))
        {
            Interlocked.Increment(ref _duplicates);
        }
    }
}
