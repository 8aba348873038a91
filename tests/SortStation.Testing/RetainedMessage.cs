using System.Buffers;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;

namespace SortStation.Testing;

/// <summary>What a fresh subscriber reads first on a topic: its retained message (fails after 10 s without one).</summary>
public static class RetainedMessage
{
    public static async Task<JsonDocument> ReadAsync(Uri broker, string topic)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var received = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ApplicationMessageReceivedAsync += e =>
        {
            if (e.ApplicationMessage.Retain)
            {
                received.TrySetResult(e.ApplicationMessage.Payload.ToArray());
            }

            return Task.CompletedTask;
        };
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithProtocolVersion(MqttProtocolVersion.V500).Build());
        await client.SubscribeAsync(topic);
        var payload = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await client.DisconnectAsync();
        return JsonDocument.Parse(payload);
    }
}
