namespace SortStation.Mqtt;

/// <summary>
/// Exponential back-off with full jitter (a random wait between the minimum and the current ceiling),
/// so a fleet of stations (or central instances) does not reconnect in lock-step after a broker restart.
/// </summary>
public sealed class Backoff
{
    private readonly TimeSpan _min;
    private readonly TimeSpan _max;
    private readonly Random _random;
    private TimeSpan _ceiling;

    public Backoff(TimeSpan min, TimeSpan max, Random random)
    {
        _min = min;
        _max = max;
        _random = random;
        _ceiling = min;
    }

    public TimeSpan Next()
    {
        var wait = _min + ((_ceiling - _min) * _random.NextDouble());
        _ceiling = TimeSpan.FromTicks(Math.Min(_max.Ticks, _ceiling.Ticks * 2));
        return wait;
    }

    public void Reset() => _ceiling = _min;
}
