using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SortStation.Core.Pipeline;
using SortStation.Hosting;
using SortStation.Operations;

namespace SortStation.Tests.Hosting;

/// <summary>The real sd_notify path: WATCHDOG=1 arrives as a datagram on $NOTIFY_SOCKET, as systemd receives it.</summary>
public sealed class NotifySocketTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"sortstation-notify-{Guid.NewGuid():N}.sock");
    private readonly Socket _systemd = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);

    public NotifySocketTests() => _systemd.Bind(new UnixDomainSocketEndPoint(_path));

    public void Dispose()
    {
        _systemd.Dispose();
        File.Delete(_path);
    }

    [Fact]
    public async Task Check_AliveUnderSystemd_SendsWatchdogDatagram()
    {
        var notifier = NotifierOn(_path);
        var run = new SortingRun(new FakeTimeProvider());
        var feeder = new WatchdogFeeder(notifier, run, new FakeInterlock(), new TestOptionsMonitor<HealthOptions>(new HealthOptions()), TimeProvider.System, NullLogger<WatchdogFeeder>.Instance);

        feeder.Check();

        var buffer = new byte[256];
        var received = await _systemd.ReceiveAsync(buffer, SocketFlags.None).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("WATCHDOG=1", Encoding.ASCII.GetString(buffer, 0, received));
    }

    [Fact]
    public async Task Check_StalledUnderSystemd_SendsNothing()
    {
        var notifier = NotifierOn(_path);
        var time = new FakeTimeProvider();
        var run = new SortingRun(time);
        run.ItemStarted();
        time.Advance(TimeSpan.FromMinutes(1));
        var feeder = new WatchdogFeeder(notifier, run, new FakeInterlock(), new TestOptionsMonitor<HealthOptions>(new HealthOptions()), time, NullLogger<WatchdogFeeder>.Instance);

        feeder.Check();
        // The sentinel: a datagram sent after Check on the same socket path. Check notifies synchronously, so a
        // WATCHDOG=1 from it would be queued first; receiving the sentinel first proves there was none.
        notifier.Notify(new ServiceState("SENTINEL=1"));

        var buffer = new byte[256];
        var received = await _systemd.ReceiveAsync(buffer, SocketFlags.None).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("SENTINEL=1", Encoding.ASCII.GetString(buffer, 0, received));
        Assert.Equal(0, _systemd.Available);
    }

    /// <summary>SystemdNotifier reads $NOTIFY_SOCKET once, when it is constructed.</summary>
    private static SystemdNotifier NotifierOn(string path)
    {
        var previous = Environment.GetEnvironmentVariable("NOTIFY_SOCKET");
        Environment.SetEnvironmentVariable("NOTIFY_SOCKET", path);
        try
        {
            var notifier = new SystemdNotifier();
            Assert.True(notifier.IsEnabled);
            return notifier;
        }
        finally
        {
            Environment.SetEnvironmentVariable("NOTIFY_SOCKET", previous);
        }
    }
}
