using System.Net;
using System.Net.Sockets;
using MQTTnet.Server;

namespace SortStation.Mqtt;

/// <summary>
/// An MQTTnet broker for the demos (station and central), so they need no broker installed. It has no shared
/// subscriptions: central subscribes plainly to it (Mqtt:SharedGroup empty). It listens on loopback (127.0.0.1) only unless
/// given another address, and on one address family only (MQTTnet also binds [::] by default). The port is the one
/// the OS gives the broker's own socket (bound to port 0, read back after the bind): no probe socket whose port
/// another process could take between its release and the broker's bind.
/// </summary>
public sealed class EmbeddedBroker : IAsyncDisposable
{
    private readonly MqttServer _server;

    private EmbeddedBroker(MqttServer server, IPEndPoint endpoint)
    {
        _server = server;
        Endpoint = endpoint;
    }

    /// <summary>The address and port the broker listens on.</summary>
    public IPEndPoint Endpoint { get; }

    public int Port => Endpoint.Port;

    /// <summary>Where a client on this machine reaches it (loopback when it listens on every address).</summary>
    public Uri Uri => new($"mqtt://{ClientHost(Endpoint.Address)}:{Port}");

    public static async Task<EmbeddedBroker> StartAsync(IPAddress? address = null, CancellationToken ct = default)
    {
        address ??= IPAddress.Loopback;
        var v6 = address.AddressFamily == AddressFamily.InterNetworkV6;
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointPort(0)
            .WithDefaultEndpointBoundIPAddress(v6 ? IPAddress.None : address) // IPAddress.None: no listener of that family
            .WithDefaultEndpointBoundIPV6Address(v6 ? address : IPAddress.None)
            .WithPersistentSessions()
            .Build();
        var server = new MqttServerFactory().CreateMqttServer(options);
        await server.StartAsync().WaitAsync(ct);

        // The listener writes the port the OS chose back into the endpoint options after its bind.
        var port = options.DefaultEndpointOptions.Port;
        if (port == 0)
        {
            await server.StopAsync();
            server.Dispose();
            throw new InvalidOperationException("The embedded MQTT broker did not report the port it listens on.");
        }

        return new EmbeddedBroker(server, new IPEndPoint(address, port));
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        _server.Dispose();
    }

    private static string ClientHost(IPAddress address) =>
        address.Equals(IPAddress.Any) ? "127.0.0.1"
        : address.Equals(IPAddress.IPv6Any) ? "[::1]"
        : address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]"
        : address.ToString();
}
