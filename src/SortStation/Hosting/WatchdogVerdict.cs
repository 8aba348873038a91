namespace SortStation.Hosting;

/// <summary>Whether the sorting loop is alive (the systemd watchdog is fed) and why, for logs and /healthz.</summary>
internal sealed record WatchdogVerdict(bool Alive, string Reason);
