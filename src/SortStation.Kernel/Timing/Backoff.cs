namespace SortStation.Kernel.Timing;

/// <summary>
/// The one back-off of both hosts: the ceiling starts at the minimum, doubles after every wait up to the maximum,
/// and goes back to the minimum on success. With a <see cref="Random"/>, full jitter (a random wait between the
/// minimum and the ceiling), so a fleet of stations (or central instances) does not reconnect in lock-step after a
/// broker restart; without one, the ceiling itself (a local device such as the camera, which has no herd to spread).
/// </summary>
public sealed class Backoff
{
    private readonly TimeSpan _min;
    private readonly TimeSpan _max;
    private readonly Random? _jitter;
    private TimeSpan _ceiling;

    public Backoff(TimeSpan min, TimeSpan max, Random? jitter = null)
    {
        _min = min;
        _max = max;
        _jitter = jitter;
        _ceiling = min;
    }

    public TimeSpan Next()
    {
        var wait = _jitter is null ? _ceiling : _min + ((_ceiling - _min) * _jitter.NextDouble());
        _ceiling = TimeSpan.FromTicks(Math.Min(_max.Ticks, _ceiling.Ticks * 2));
        return wait;
    }

    public void Reset() => _ceiling = _min;
}
