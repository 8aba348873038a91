namespace SortStation.Hardware.Triggers;

/// <summary>
/// Turns a level (scale load, motion score) into one event per item: fires when the level rises to the
/// threshold while armed, re-arms only after the level stayed below it for the re-arm time.
/// </summary>
public sealed class LevelTrigger(double threshold, TimeSpan rearm)
{
    private bool _armed = true;
    private DateTimeOffset? _belowSince;

    /// <summary>True when this value is the start of a new item.</summary>
    public bool Update(double level, DateTimeOffset at)
    {
        if (level >= threshold)
        {
            _belowSince = null;
            if (!_armed)
            {
                return false;
            }

            _armed = false;
            return true;
        }

        _belowSince ??= at;
        if (!_armed && at - _belowSince.Value >= rearm)
        {
            _armed = true;
        }

        return false;
    }
}
