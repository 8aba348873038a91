using System.Net;
using System.Net.Sockets;

namespace SortStation.Operations.Tests.Support;

/// <summary>A loopback port free right now (HttpListener cannot bind port 0).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
