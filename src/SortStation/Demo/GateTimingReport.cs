using SortStation.Core.Timing;

namespace SortStation.Demo;

/// <summary>
/// How the gates did, milliseconds: the error of each start against its booked time (the gate clock), how many fires
/// waited for a busy gate (within Belt:MaxLate), fires that started after their item had passed (late: the scheduler
/// skips those, so always 0), items whose gate could not start in time (missed: recorded to the end-of-belt bin), and
/// booked fires that did not happen (lost: the CPU or a driver ran late; those records name a bin not reached).
/// </summary>
public sealed record GateTimingReport(int Fired, double Mean, double Max, int Queued, double MaxQueued, long Late, long Missed, long Lost)
{
    public static GateTimingReport From(IReadOnlyCollection<GateFiredEventArgs> fires, GateStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(fires);
        ArgumentNullException.ThrowIfNull(statistics);
        if (fires.Count == 0)
        {
            return new GateTimingReport(0, 0, 0, 0, 0, 0, statistics.MissedTotal, statistics.LostTotal);
        }

        var errors = fires.Select(f => Math.Abs(f.Error.TotalMilliseconds)).ToArray();
        var queued = fires.Where(f => f.Queued > TimeSpan.Zero).Select(f => f.Queued.TotalMilliseconds).DefaultIfEmpty(0).ToArray();
        return new GateTimingReport(
            errors.Length,
            Math.Round(errors.Average(), 2),
            Math.Round(errors.Max(), 2),
            fires.Count(f => f.Queued > TimeSpan.Zero),
            Math.Round(queued.Max(), 2),
            fires.Count(f => f.Late),
            statistics.MissedTotal,
            statistics.LostTotal);
    }
}
