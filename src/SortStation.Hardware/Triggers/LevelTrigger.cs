namespace SortStation.Hardware.Triggers;

/// <summary>
/// Turns a level (scale load, motion score) into one event per item: fires when the level rises to the
/// threshold while armed, re-arms only after the level stayed below it for the re-arm time. A rise sooner than
/// <paramref name="minSpacing"/> after the last item is part of it (Trigger:MinSpacingMilliseconds).
/// </summary>
public sealed class LevelTrigger(double threshold, TimeSpan rearm, TimeSpan minSpacing = default)
{
    private bool _armed = true;
    private DateTimeOffset? _belowSince;
    private DateTimeOffset? _lastItem;

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
            if (_lastItem is { } last && at - last < minSpacing)
            {
                return false;
            }

            _lastItem = at;
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
