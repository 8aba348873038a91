using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting.Systemd;

namespace SortStation.Tests.Support;

/// <summary>Records what would have gone to $NOTIFY_SOCKET.</summary>
public sealed class FakeNotifier : ISystemdNotifier
{
    public ConcurrentQueue<string> States { get; } = new();

    public bool IsEnabled => true;

    public int Pings => States.Count(s => s == "WATCHDOG=1");

    public void Notify(ServiceState state) => States.Enqueue(state.ToString());
}
