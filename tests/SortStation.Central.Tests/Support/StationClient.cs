using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace SortStation.Central.Tests.Support;

/// <summary>Plays the stations: publishes raw payloads with QoS 1, a window of them in flight at once.</summary>
public sealed class StationClient : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public static async Task<StationClient> ConnectAsync(Uri broker, string clientId = "test-stations")
    {
        var station = new StationClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500).Build();
        await station._client.ConnectAsync(options);
        return station;
    }

    public async Task PublishAsync(IEnumerable<(string Topic, byte[] Payload)> messages, int window = 200, CancellationToken ct = default)
    {
        var inFlight = new List<Task<MqttClientPublishResult>>(window);
        foreach (var (topic, payload) in messages)
        {
            var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
            inFlight.Add(_client.PublishAsync(message, ct));
            if (inFlight.Count == window)
            {
                await DrainAsync(inFlight);
            }
        }

        await DrainAsync(inFlight);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisconnectAsync();
        _client.Dispose();
    }

    private static async Task DrainAsync(List<Task<MqttClientPublishResult>> inFlight)
    {
        foreach (var result in await Task.WhenAll(inFlight))
        {
            Assert.True(result.IsSuccess, $"publish refused: {result.ReasonCode}");
        }

        inFlight.Clear();
    }
}
