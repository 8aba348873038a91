using System.Globalization;
using SortStation.Core.Timing;

namespace SortStation.Core.Alarms;

/// <summary>
/// Missed gates and lost fires as alarms that do not stop sorting, so they reach the MQTT alarm topic, not only the
/// health message and /metrics: <see cref="AlarmCodes.MissedGate"/> while a gate was missed within the last minute,
/// <see cref="AlarmCodes.GateFireLost"/> while a fire was lost within the last ten minutes — the same spells that keep
/// the /healthz gates check unhealthy (<see cref="GateStatistics"/>). Judged once a second on the injected clock.
/// </summary>
public sealed class GateTimingWatch(GateScheduler gates, StationAlarms alarms, TimeProvider time) : SecondlyWatch(time)
{
    /// <summary>Raises or clears both alarms from the gate statistics now.</summary>
    public void Check()
    {
        var statistics = gates.Statistics;
        var now = Time.GetUtcNow();
        Judge(
            AlarmCodes.MissedGate,
            statistics.MissedRecently(now),
            "items could not be diverted in time (their gate busy with earlier items, or routed after they passed) and are recorded to Sorting:EndOfBeltBin with reason missed-gate (per gate: sortstation_missed_gates_total). Space items further apart: check-config shows each gate's items/s",
            GateStatistics.MissedRecentFor);
        Judge(
            AlarmCodes.GateFireLost,
            statistics.LostRecently(now),
            "booked gate fires did not happen (driver or CPU late, e-stop, driver fault or stop), so their records name a bin the item did not reach; the 'Gate fires lost' log line names bins and causes (sortstation_gate_fires_lost_total)",
            GateStatistics.LostRecentFor);
    }

    private void Judge(string code, bool recent, string message, TimeSpan spell)
    {
        if (recent)
        {
            alarms.Raise(code, message, stopsSorting: false);
        }
        else
        {
            alarms.Clear(code, string.Create(CultureInfo.InvariantCulture, $"none for {spell.TotalSeconds:F0} s"));
        }
    }

    protected override void Tick() => Check();
}
