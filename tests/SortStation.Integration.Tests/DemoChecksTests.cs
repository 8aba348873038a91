using System.Net;
using System.Net.Sockets;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using SortStation.Contracts;
using SortStation.Demo;
using SortStation.Integration.Tests.Support;
using SortStation.Mqtt;

namespace SortStation.Integration.Tests;

/// <summary>The demo's own checks: its subscriber across a network cut, and where its embedded broker listens.</summary>
public sealed class DemoChecksTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30); // returns as soon as the condition holds

    [Fact]
    public async Task WeighingSubscriber_NetworkCutWhileRecordsArePublished_ReconnectsAndReceivesEveryRecordOnce()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        await using var relay = new TcpRelay(broker.Endpoint);
        await using var subscriber = await WeighingSubscriber.ConnectAsync(relay.Uri, "sortstation", "station-01");
        using var station = await ConnectPublisherAsync(broker.Uri);

        await PublishAsync(station, 0, 20);
        Assert.True(await subscriber.WaitForAsync(20, Timeout, TimeProvider.System));

        relay.Cut();
        Assert.True(await EventuallyAsync(() => !subscriber.IsConnected), "the subscriber noticed the cut");
        await PublishAsync(station, 20, 30); // the broker queues these in the subscriber's session
        relay.Restore();

        Assert.True(await subscriber.WaitForAsync(50, Timeout, TimeProvider.System), $"{subscriber.Received} of 50 after the cut");
        Assert.True(subscriber.Reconnects >= 1);
        Assert.Equal(50, subscriber.Records.Select(r => r.ItemId).Distinct().Count());
    }

    [Fact]
    public async Task WeighingSubscriber_TwoStationsOnOneBroker_CountsOnlyItsOwnStationAndFlagsAPayloadNamingAnother()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        await using var first = await WeighingSubscriber.ConnectAsync(broker.Uri, "sortstation", "station-01");
        await using var second = await WeighingSubscriber.ConnectAsync(broker.Uri, "sortstation", "station-02");
        using var publisher = await ConnectPublisherAsync(broker.Uri);

        await PublishAsync(publisher, 0, 20);
        await PublishAsync(publisher, 20, 15, "station-02");
        await PublishAsync(publisher, 35, 1, "station-02", topicStation: "station-01"); // a record that lies about its station

        Assert.True(await first.WaitForAsync(20, Timeout, TimeProvider.System));
        Assert.True(await second.WaitForAsync(15, Timeout, TimeProvider.System));
        Assert.True(await EventuallyAsync(() => first.OtherStation == 1), $"{first.OtherStation} flagged");
        Assert.Equal(20, first.Received);
        Assert.Equal(15, second.Received);
        Assert.All(first.Records, r => Assert.Equal("station-01", r.StationId));
        Assert.All(second.Records, r => Assert.Equal("station-02", r.StationId));
        Assert.Equal(0, second.OtherStation);
        Assert.Equal("sortstation/station-02/weighing", second.Topic);
    }

    [Fact]
    public async Task EmbeddedBroker_Default_ListensOnIpv4LoopbackOnly()
    {
        await using var broker = await EmbeddedBroker.StartAsync();

        Assert.Equal(IPAddress.Loopback, broker.Endpoint.Address);
        Assert.True(await CanConnectAsync(IPAddress.Loopback, broker.Port));
        Assert.False(await CanConnectAsync(IPAddress.IPv6Loopback, broker.Port), "[::1] must not be served");
        foreach (var address in OtherAddresses())
        {
            Assert.False(await CanConnectAsync(address, broker.Port), $"{address} must not be served");
        }
    }

    [Fact]
    public async Task EmbeddedBroker_ListenOnEveryIpv4AddressConfigured_ClientsReachItOnLoopback()
    {
        await using var broker = await EmbeddedBroker.StartAsync(IPAddress.Any);

        Assert.Equal("127.0.0.1", broker.Uri.Host);
        Assert.True(await CanConnectAsync(IPAddress.Loopback, broker.Port));
    }

    [Fact]
    public async Task EmbeddedBroker_StartedTogether_EachOnThePortItsOwnSocketGot()
    {
        var brokers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => EmbeddedBroker.StartAsync()));
        try
        {
            Assert.Equal(8, brokers.Select(b => b.Port).Distinct().Count());
            Assert.All(brokers, b => Assert.NotEqual(0, b.Port));
            foreach (var broker in brokers)
            {
                using var client = await ConnectPublisherAsync(broker.Uri);
                Assert.True(client.IsConnected);
            }
        }
        finally
        {
            foreach (var broker in brokers)
            {
                await broker.DisposeAsync();
            }
        }
    }

    private static async Task<IMqttClient> ConnectPublisherAsync(Uri broker)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithProtocolVersion(MqttProtocolVersion.V500).Build());
        return client;
    }

    private static async Task PublishAsync(IMqttClient client, int first, int count, string stationId = "station-01", string? topicStation = null)
    {
        for (var i = first; i < first + count; i++)
        {
            var record = new WeighingRecord
            {
                ItemId = $"01M8Y0000000000000000{i:D5}",
                StationId = stationId,
                Timestamp = DateTimeOffset.UnixEpoch.AddSeconds(i),
                Label = "glass",
                Confidence = 0.9,
                Top = [new LabelScore("glass", 0.9)],
                Bin = "glass",
                Reason = "routed",
                Model = "test@1",
            };
            await client.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(Topics.Weighing("sortstation", topicStation ?? stationId))
                .WithPayload(ContractJson.Serialize(record))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build());
        }
    }

    private static async Task<bool> CanConnectAsync(IPAddress address, int port)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, port), cts.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>This machine's addresses other than loopback (none in a bare container).</summary>
    private static IEnumerable<IPAddress> OtherAddresses() =>
        System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => !IPAddress.IsLoopback(a) && !a.IsIPv6LinkLocal);

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Timeout;
        while (!condition() && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        return condition();
    }
}
