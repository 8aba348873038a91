namespace SortStation.Core.Timing;

/// <summary>
/// What the gate scheduler could not do, per gate, for /metrics and health: items whose gate could not start in time
/// (missed: their records say the end-of-belt bin) and booked fires that did not happen (lost: their records name
/// a bin the item did not reach).
/// </summary>
public sealed class GateStatistics
{
    /// <summary>How long a missed gate keeps the gates unhealthy and its alarm raised: the belt outran a gate just now.</summary>
    public static readonly TimeSpan MissedRecentFor = TimeSpan.FromMinutes(1);

    /// <summary>How long a lost fire keeps the gates unhealthy and its alarm raised: a record is untrue, so longer.</summary>
    public static readonly TimeSpan LostRecentFor = TimeSpan.FromMinutes(10);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _missed = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Bin, FireLoss Loss), long> _lost = [];

    public long MissedTotal { get; private set; }

    public long LostTotal { get; private set; }

    public DateTimeOffset? LastMissedAt { get; private set; }

    public DateTimeOffset? LastLostAt { get; private set; }

    /// <summary>True within <see cref="MissedRecentFor"/> of the last missed gate.</summary>
    public bool MissedRecently(DateTimeOffset now) => LastMissedAt is { } at && now - at < MissedRecentFor;

    /// <summary>True within <see cref="LostRecentFor"/> of the last lost fire.</summary>
    public bool LostRecently(DateTimeOffset now) => LastLostAt is { } at && now - at < LostRecentFor;

    public IReadOnlyDictionary<string, long> Missed()
    {
        lock (_lock)
        {
            return new Dictionary<string, long>(_missed, StringComparer.OrdinalIgnoreCase);
        }
    }

    public IReadOnlyDictionary<(string Bin, FireLoss Loss), long> Lost()
    {
        lock (_lock)
        {
            return new Dictionary<(string, FireLoss), long>(_lost);
        }
    }

    internal void AddMissed(string bin, DateTimeOffset at)
    {
        lock (_lock)
        {
            _missed[bin] = _missed.GetValueOrDefault(bin) + 1;
            MissedTotal++;
            LastMissedAt = at;
        }
    }

    internal void AddLost(string bin, FireLoss loss, DateTimeOffset at)
    {
        lock (_lock)
        {
            _lost[(bin, loss)] = _lost.GetValueOrDefault((bin, loss)) + 1;
            LostTotal++;
            LastLostAt = at;
        }
    }
}
