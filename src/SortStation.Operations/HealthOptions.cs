using SortStation.Kernel.Options;

namespace SortStation.Operations;

/// <summary>Section <c>Health</c>: the loopback health/metrics endpoint and the watchdog's stall limit.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>Serve /healthz and /metrics on 127.0.0.1:<see cref="Port"/>. Off by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>Loopback TCP port; above 1023 because the service runs without capabilities.</summary>
    public int Port { get; set; } = 9464;

    /// <summary>Station only: an item in the pipeline longer than this is a stuck loop (watchdog stops, /healthz 503).</summary>
    [AppliedLive]
    public int ItemStallSeconds { get; set; } = 30;
}
