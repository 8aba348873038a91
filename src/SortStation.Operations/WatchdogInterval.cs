using System.Globalization;

namespace SortStation.Operations;

/// <summary>How often to send WATCHDOG=1: half the period systemd passes in WATCHDOG_USEC, as sd_watchdog_enabled(3) advises.</summary>
public static class WatchdogInterval
{
    /// <summary>Used when systemd set no WATCHDOG_USEC (not under systemd, or no WatchdogSec).</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(5);

    public static TimeSpan FromEnvironment() => From(Environment.GetEnvironmentVariable("WATCHDOG_USEC"));

    public static TimeSpan From(string? watchdogUsec) =>
        long.TryParse(watchdogUsec, NumberStyles.None, CultureInfo.InvariantCulture, out var usec) && usec > 0
            ? TimeSpan.FromMicroseconds(usec / 2.0)
            : Default;
}
