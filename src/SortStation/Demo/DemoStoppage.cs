using SortStation.Core.Alarms;
using SortStation.Core.Pipeline;
using SortStation.Outbox;
using SortStation.Telemetry;

namespace SortStation.Demo;

/// <summary>
/// What the run lost to faults, read after the station stopped (the outbox's last retry is then over):
/// alarms raised (by code), items that passed unsorted during soft stops, and where every sorted item's record went.
/// <see cref="Committed"/> + <see cref="LostWriteFailed"/> + <see cref="DroppedQuota"/> = the items sorted.
/// </summary>
public sealed record DemoStoppage(
    IReadOnlyDictionary<string, long> Alarms,
    IReadOnlyList<string> ActiveAtEnd,
    long UnsortedDuringSoftStop,
    long Committed,
    long LostWriteFailed,
    long DroppedQuota,
    long WriteErrors)
{
    public static DemoStoppage From(StationAlarms alarms, IReadOnlyList<string> activeAtEnd, SortingRun run, long sorted, IOutboxStore outbox)
    {
        ArgumentNullException.ThrowIfNull(alarms);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(outbox);
        return new DemoStoppage(
            AlarmCodes.All.Where(c => alarms.RaisedCount(c) > 0).ToDictionary(c => c, alarms.RaisedCount),
            activeAtEnd,
            run.UnsortedAtSoftStop,
            sorted - outbox.WriteFailed - outbox.Dropped - outbox.Held,
            outbox.WriteFailed + outbox.Held,
            outbox.Dropped,
            outbox.WriteErrors);
    }

    /// <summary>True when a record was lost or the station was still soft-stopped at the end.</summary>
    public bool Failed => LostWriteFailed > 0 || DroppedQuota > 0 || ActiveAtEnd.Count > 0;

    public void WriteText(TextWriter output, long sorted)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Alarms.Count == 0 && !Failed)
        {
            return;
        }

        var end = ActiveAtEnd.Count == 0 ? "no soft stop or outbox alarm active at the end" : $"still active at the end: {string.Join(", ", ActiveAtEnd)}";
        output.WriteLine($"alarms: {string.Join("   ", Alarms.Select(s => $"{s.Key} ×{s.Value}"))} ({end}); items passed unsorted during soft stops: {UnsortedDuringSoftStop}");
        output.WriteLine($"records of the {sorted} sorted items: {Committed} committed, {LostWriteFailed} lost (commit failed), {DroppedQuota} dropped (quota); failed commits: {WriteErrors}");
    }
}
