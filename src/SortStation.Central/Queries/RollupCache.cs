using System.Collections.Concurrent;
using SortStation.Central.Storage;

namespace SortStation.Central.Queries;

/// <summary>
/// Rollup reads of ranges that end before today (UTC): those totals change only when a weighing for a past day is
/// stored (a station catching up after an outage), so they are kept until then. This instance's store says so at
/// once (<see cref="PastDaysChanged"/>); another instance writing to the same PostgreSQL is seen within
/// <see cref="MaxAge"/>. Today's hours are always read.
/// </summary>
public sealed class RollupCache(TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);
    private const int MaxEntries = 256;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _version;

    public void PastDaysChanged() => Interlocked.Increment(ref _version);

    public bool IsPast(long toMs) => toMs <= RollupBatch.DayOf(time.GetUtcNow().ToUnixTimeMilliseconds());

    public async Task<IReadOnlyList<T>> GetAsync<T>(string key, long toMs, Func<Task<IReadOnlyList<T>>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (!IsPast(toMs))
        {
            return await read();
        }

        // The version is read before the database: a write meanwhile makes this entry stale at once.
        var version = Interlocked.Read(ref _version);
        if (_entries.TryGetValue(key, out var entry) && entry.Version == version && time.GetElapsedTime(entry.At) < MaxAge)
        {
            return (IReadOnlyList<T>)entry.Rows;
        }

        var rows = await read();
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[key] = new Entry(rows, version, time.GetTimestamp());
        return rows;
    }

    private sealed record Entry(object Rows, long Version, long At);
}
