using System.Globalization;
using Microsoft.Extensions.Options;
using SortStation.Core.Devices;
using SortStation.Core.Options;
using SortStation.Core.Timing;

namespace SortStation.Core.Alarms;

/// <summary>
/// Items queued beyond what the gates can serve: an item the loop takes later after it passed the camera than
/// the belt needs to carry it to the first gate can be diverted by no gate, so the trigger brings items faster
/// than the station classifies them. That raises the <see cref="AlarmCodes.Backlog"/> soft stop (health
/// <c>jam</c>); the loop lets the queue pass unsorted, and the alarm clears once it has caught up.
/// </summary>
public sealed class BacklogWatch(IOptionsMonitor<SortingOptions> sorting, BeltTiming belt, StationAlarms alarms, TimeProvider time)
{
    /// <summary>The loop took <paramref name="item"/>: raises the backlog when it waited too long, clears it when it is well in time.</summary>
    public void Taken(ItemDetected item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (FirstGate() is not { } first)
        {
            return;
        }

        var waited = time.GetUtcNow() - item.At;
        if (waited > first.Travel)
        {
            var o = sorting.CurrentValue.Bins[first.Bin];
            alarms.Raise(AlarmCodes.Backlog, string.Create(CultureInfo.InvariantCulture, $"item #{item.Sequence} reached the sorting loop {waited.TotalSeconds:F2} s after it passed the camera, later than the {first.Travel.TotalSeconds:F2} s the belt takes to the first gate ({first.Bin}, Sorting:Bins:{first.Bin}:DistanceMeters = {o.DistanceMeters}): items arrive faster than the station classifies them. Items pass unsorted until the queue is gone; check the item rate, Model:Workers and the CPU load"));
        }
        else if (waited < first.Travel / 2)
        {
            CaughtUp();
        }
    }

    /// <summary>No item is waiting at the camera line: whatever backlog there was is gone.</summary>
    public void CaughtUp() => alarms.Clear(AlarmCodes.Backlog, "the sorting loop has caught up with the belt");

    private (string Bin, TimeSpan Travel)? FirstGate()
    {
        (string Bin, TimeSpan Travel)? first = null;
        foreach (var (bin, o) in sorting.CurrentValue.Bins)
        {
            if (o.Gate != GateKind.None && belt.TravelTime(o.DistanceMeters) is var travel && (first is null || travel < first.Value.Travel))
            {
                first = (bin, travel);
            }
        }

        return first;
    }
}
