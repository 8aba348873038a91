namespace SortStation.Hardware.Triggers;

/// <summary>
/// Leading-edge debounce: the first edge counts at once (no added latency), edges within the window after
/// an accepted one are bounce and are ignored.
/// </summary>
public sealed class EdgeDebouncer(TimeSpan window)
{
    private DateTimeOffset? _last;

    public bool Accept(DateTimeOffset at)
    {
        if (_last is { } last && at - last < window)
        {
            return false;
        }

        _last = at;
        return true;
    }
}
