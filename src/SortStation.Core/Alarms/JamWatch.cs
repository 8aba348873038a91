using System.Globalization;

namespace SortStation.Core.Alarms;

/// <summary>
/// Jam detection for a sensor at the camera line (the photo-eye): a beam held blocked longer than the limit
/// (Trigger:JamSeconds) raises the <see cref="AlarmCodes.Jam"/> soft stop; the beam clearing clears it. An item
/// passing blocks the beam for well under a second, so only a stuck item, a pile-up or a dirty or misaligned
/// sensor holds it that long. The driver reports levels; the timing runs on the injected clock.
/// </summary>
public sealed class JamWatch(StationAlarms alarms, TimeSpan limit, TimeProvider time, string sensor) : IDisposable
{
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private DateTimeOffset? _blockedSince;

    public bool IsBlocked
    {
        get
        {
            lock (_gate)
            {
                return _blockedSince is not null;
            }
        }
    }

    /// <summary>The beam is blocked (again); starts the jam timer unless it already runs.</summary>
    public void Blocked()
    {
        lock (_gate)
        {
            if (_blockedSince is not null)
            {
                return;
            }

            _blockedSince = time.GetUtcNow();
            _timer = time.CreateTimer(_ => OnHeld(), null, limit, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The beam is clear: a short block was an item; a jam, if raised, is over.</summary>
    public void Cleared()
    {
        lock (_gate)
        {
            if (_blockedSince is not { } since)
            {
                return;
            }

            _blockedSince = null;
            _timer?.Dispose();
            _timer = null;
            var held = (time.GetUtcNow() - since).TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);
            alarms.Clear(AlarmCodes.Jam, $"{sensor} clear again after {held} s blocked");
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void OnHeld()
    {
        // Under the lock: a beam clearing at the same moment either cancels this or clears what it raised.
        lock (_gate)
        {
            if (_blockedSince is null)
            {
                return;
            }

            var seconds = limit.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
            alarms.Raise(AlarmCodes.Jam, $"{sensor} blocked for more than {seconds} s (Trigger:JamSeconds = {seconds}): an item is stuck or piled up at the camera line, or the sensor is dirty or misaligned. Clear the belt at the camera line; sorting resumes when the beam is clear");
        }
    }
}
