namespace SortStation.Central.Ingest;

/// <summary>Exponential back-off with full jitter, so instances do not reconnect in lock-step after a broker restart.</summary>
public sealed class Backoff(TimeSpan min, TimeSpan max, Random random)
{
    private readonly TimeSpan _min = min;
    private TimeSpan _ceiling = min;

    public TimeSpan Next()
    {
        var wait = _min + ((_ceiling - _min) * random.NextDouble());
        _ceiling = TimeSpan.FromTicks(Math.Min(max.Ticks, _ceiling.Ticks * 2));
        return wait;
    }

    public void Reset() => _ceiling = _min;
}
