using System.Collections.Concurrent;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace SortStation.Telemetry.Tests.Support;

/// <summary>
/// A consumer with a persistent session (clean start false, QoS 1) that reconnects by itself after a
/// broker restart, and counts weighings by itemId the way a real consumer drops duplicates.
/// </summary>
public sealed class TestSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentDictionary<string, int> _seen = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Uri _broker;
    private readonly string _clientId;
    private readonly string _filter;
    private Task _reconnect = Task.CompletedTask;
    private long _messages;

    private TestSubscriber(Uri broker, string clientId, string filter)
    {
        _broker = broker;
        _clientId = clientId;
        _filter = filter;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            Interlocked.Increment(ref _messages);
            using var json = JsonDocument.Parse(e.ApplicationMessage.Payload);
            var itemId = json.RootElement.GetProperty("itemId").GetString()!;
            _seen.AddOrUpdate(itemId, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        };
    }

    public int Distinct => _seen.Count;

    public long Messages => Interlocked.Read(ref _messages);

    public long Duplicates => Messages - Distinct;

    public IReadOnlyCollection<string> ItemIds => (IReadOnlyCollection<string>)_seen.Keys;

    public IEnumerable<string> DuplicatedIds => _seen.Where(p => p.Value > 1).Select(p => p.Key);

    public static async Task<TestSubscriber> StartAsync(Uri broker, string clientId, string filter)
    {
        var subscriber = new TestSubscriber(broker, clientId, filter);
        await subscriber.ConnectAsync(CancellationToken.None);
        subscriber._reconnect = subscriber.KeepConnectedAsync();
        return subscriber;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reconnect;
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptions());
        }

        _client.Dispose();
        _stop.Dispose();
    }

    private async Task ConnectAsync(CancellationToken ct)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(_broker.Host, _broker.Port)
            .WithClientId(_clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(3600)
            .WithTimeout(TimeSpan.FromSeconds(5))
            .Build();
        var result = await _client.ConnectAsync(options, ct);
        if (!result.IsSessionPresent)
        {
            await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(_filter, MqttQualityOfServiceLevel.AtLeastOnce).Build(), ct);
        }
    }

    private async Task KeepConnectedAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                if (!_client.IsConnected)
                {
                    await ConnectAsync(_stop.Token);
                }

                await Task.Delay(100, _stop.Token);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }
    }
}
