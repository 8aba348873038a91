namespace SortStation.Core.Timing;

/// <summary>
/// One log line per <c>interval</c> for an event that can happen per item: the first event after a quiet spell is
/// written at once, the ones after it are counted by key and written as one summary line every interval while they go on.
/// Hand-rolled: the logging stack has no rate limiter, and a line per item would flood journald under overload.
/// </summary>
internal sealed class RateLimitedLog : IDisposable
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly Action<long, string> _write;
    private readonly Dictionary<string, long> _pending = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private ITimer? _timer;

    /// <param name="write">Called with the number of events and a breakdown such as "fibre 35, glass 2".</param>
    public RateLimitedLog(TimeProvider time, TimeSpan interval, Action<long, string> write) =>
        (_time, _interval, _write) = (time, interval, write);

    public TimeSpan Interval => _interval;

    public void Add(string key)
    {
        lock (_lock)
        {
            if (_timer is null)
            {
                _timer = _time.CreateTimer(_ => Flush(), null, _interval, _interval);
                _write(1, $"{key} 1");
                return;
            }

            _pending[key] = _pending.GetValueOrDefault(key) + 1;
        }
    }

    /// <summary>Writes what was counted since the last line; stops the timer after a quiet interval.</summary>
    public void Flush()
    {
        lock (_lock)
        {
            if (_pending.Count == 0)
            {
                _timer?.Dispose();
                _timer = null;
                return;
            }

            var count = _pending.Values.Sum();
            var breakdown = string.Join(", ", _pending.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
            _pending.Clear();
            _write(count, breakdown);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }
}
