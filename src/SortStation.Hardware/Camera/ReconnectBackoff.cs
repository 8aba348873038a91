namespace SortStation.Hardware.Camera;

/// <summary>Waits between reconnect attempts: from the minimum, doubling up to the maximum; reset on success.</summary>
public sealed class ReconnectBackoff
{
    private readonly TimeSpan _min;
    private readonly TimeSpan _max;
    private TimeSpan _next;

    public ReconnectBackoff(TimeSpan min, TimeSpan max)
    {
        (_min, _max, _next) = (min, max, min);
    }

    public TimeSpan Next()
    {
        var wait = _next;
        _next = TimeSpan.FromTicks(Math.Min(_next.Ticks * 2, _max.Ticks));
        return wait;
    }

    public void Reset() => _next = _min;
}
