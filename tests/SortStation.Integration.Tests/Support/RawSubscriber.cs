using System.Buffers;
using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace SortStation.Integration.Tests.Support;

/// <summary>A plain MQTT subscriber that keeps every payload it receives, duplicates included.</summary>
public sealed class RawSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentQueue<byte[]> _messages = new();

    public IReadOnlyCollection<byte[]> Messages => _messages;

    public static async Task<RawSubscriber> ConnectAsync(Uri broker, string topicFilter)
    {
        var subscriber = new RawSubscriber();
        subscriber._client.ApplicationMessageReceivedAsync += e =>
        {
            subscriber._messages.Enqueue(e.ApplicationMessage.Payload.ToArray());
            return Task.CompletedTask;
        };
        await subscriber._client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithProtocolVersion(MqttProtocolVersion.V500).Build());
        await subscriber._client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topicFilter, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        return subscriber;
    }

    public async Task<bool> WaitForAsync(int count, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (_messages.Count < count && !cts.IsCancellationRequested)
        {
            await Task.Delay(20, CancellationToken.None);
        }

        return _messages.Count >= count;
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisconnectAsync(new MqttClientDisconnectOptions());
        _client.Dispose();
    }
}
