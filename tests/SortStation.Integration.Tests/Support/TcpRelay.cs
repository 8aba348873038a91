using System.Net;
using System.Net.Sockets;

namespace SortStation.Integration.Tests.Support;

/// <summary>
/// A loopback TCP relay in front of a server, to cut the network between a client and it: <see cref="Cut"/> drops
/// every relayed connection and refuses new ones until <see cref="Restore"/>, as a pulled cable or a dead switch would.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private readonly Task _accepting;
    private volatile bool _down;

    public TcpRelay(IPEndPoint target)
    {
        _target = target;
        _listener.Start();
        _accepting = AcceptAsync(_stop.Token);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri Uri => new($"mqtt://127.0.0.1:{Port}");

    public void Cut()
    {
        _down = true;
        lock (_open)
        {
            _open.ForEach(c => c.Dispose());
            _open.Clear();
        }
    }

    public void Restore() => _down = false;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(ct);
            if (_down)
            {
                client.Dispose();
                continue;
            }

            var server = new TcpClient();
            await server.ConnectAsync(_target, ct);
            lock (_open)
            {
                _open.Add(client);
                _open.Add(server);
            }

            _ = PipeAsync(client, server, ct);
            _ = PipeAsync(server, client, ct);
        }
    }

    private static async Task PipeAsync(TcpClient from, TcpClient to, CancellationToken ct)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), ct);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            // The cut, or the other side closed.
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
