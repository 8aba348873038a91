using System.Net;
using System.Net.Sockets;

namespace SortStation.Testing;

/// <summary>
/// A loopback port that is free now, for a server a test starts later (mosquitto, HttpListener: neither reports
/// the port it got for 0). Taken below Linux's ephemeral range (32768–60999): a port from that range, once
/// released, can go to any outgoing connection — the station's own MQTT client — before the server binds it,
/// which failed a run with "Address already in use". A random start per process keeps parallel runs apart.
/// </summary>
public static class FreePort
{
    private const int First = 20_000;
    private const int Count = 12_000;
    private static int _next = Random.Shared.Next(Count);

    public static int Next()
    {
        for (var tries = 0; tries < Count; tries++)
        {
            var port = First + (int)((uint)Interlocked.Increment(ref _next) % Count);
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try the next one.
            }
        }

        throw new InvalidOperationException($"No free loopback port in {First}–{First + Count - 1}.");
    }
}
