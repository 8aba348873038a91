using System.Net;
using System.Net.Sockets;
using MQTTnet.Server;

namespace SortStation.Mqtt;

/// <summary>An MQTTnet broker on a free loopback port, so the demos (station and central) need no broker installed. It has no shared subscriptions: central subscribes plainly to it (Mqtt:SharedGroup empty).</summary>
public sealed class EmbeddedBroker : IAsyncDisposable
{
    private readonly MqttServer _server;

    private EmbeddedBroker(MqttServer server, int port)
    {
        _server = server;
        Port = port;
    }

    public int Port { get; }

    public Uri Uri => new($"mqtt://127.0.0.1:{Port}");

    public static async Task<EmbeddedBroker> StartAsync(CancellationToken ct = default)
    {
        var port = FreeLoopbackPort();
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(port)
            .WithPersistentSessions()
            .Build();
        var server = new MqttServerFactory().CreateMqttServer(options);
        await server.StartAsync().WaitAsync(ct);
        return new EmbeddedBroker(server, port);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        _server.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
