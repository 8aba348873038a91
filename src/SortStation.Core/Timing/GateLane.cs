using SortStation.Core.Devices;

namespace SortStation.Core.Timing;

/// <summary>
/// A gate, the lock that lets it do one diversion at a time, and the diversions booked on it: each fire
/// reserves [start, start + pulse + release) when its item is routed, so whether it can start in time is
/// known before the item's record is written.
/// </summary>
internal sealed class GateLane(IGate gate)
{
    // Sorted by start, never overlapping; reservations that ended are pruned on the next booking.
    private readonly List<(DateTimeOffset Start, DateTimeOffset End)> _booked = [];

    public IGate Gate { get; } = gate;

    public SemaphoreSlim Busy { get; } = new(1, 1);

    /// <summary>
    /// Books the earliest free start at or after <paramref name="earliest"/> for one diversion of <paramref name="cycle"/>;
    /// null, booking nothing, when that start would come after <paramref name="startBy"/>.
    /// </summary>
    public DateTimeOffset? Book(DateTimeOffset earliest, TimeSpan cycle, DateTimeOffset startBy, DateTimeOffset now, Func<DateTimeOffset, DateTimeOffset> align)
    {
        lock (_booked)
        {
            _booked.RemoveAll(b => b.End <= now);
            var start = align(earliest);
            var index = 0;
            for (; index < _booked.Count; index++)
            {
                var b = _booked[index];
                if (start + cycle <= b.Start)
                {
                    break; // fits in the gap before this one
                }

                if (start < b.End)
                {
                    start = align(b.End);
                }
            }

            if (start > startBy)
            {
                return null;
            }

            _booked.Insert(index, (start, start + cycle));
            return start;
        }
    }
}
