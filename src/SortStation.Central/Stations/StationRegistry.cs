using System.Collections.Frozen;

namespace SortStation.Central.Stations;

/// <summary>
/// The registered stations, cached for the ingest loop (one lookup per message). Re-read every
/// <see cref="MaxAge"/>, and at once (at most every <see cref="MinInterval"/>) when a message names a station
/// the cache does not know: a station added by <c>stations add</c> in another process is accepted from its
/// first weighing, and a revocation takes effect within <see cref="MaxAge"/>.
/// </summary>
public sealed class StationRegistry(IStationStore store, TimeProvider time) : IStationDirectory
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);
    private FrozenDictionary<string, RegisteredStation> _stations = FrozenDictionary<string, RegisteredStation>.Empty;
    private long _refreshedAt;
    private bool _loaded;

    public RegisteredStation? Find(string stationId) => Volatile.Read(ref _stations).GetValueOrDefault(stationId);

    /// <summary>Re-reads the table when stale, or when <paramref name="stationIds"/> names an unknown station. Throws when the database fails (the caller retries).</summary>
    public Task EnsureFreshAsync(IEnumerable<string> stationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stationIds);
        var age = time.GetElapsedTime(_refreshedAt);
        var stale = !_loaded || age >= MaxAge || (age >= MinInterval && stationIds.Any(id => Find(id) is null));
        return stale ? RefreshAsync(cancellationToken) : Task.CompletedTask;
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var rows = await store.ReadAllAsync(cancellationToken);
        Volatile.Write(ref _stations, rows.ToFrozenDictionary(r => r.StationId, StringComparer.Ordinal));
        _refreshedAt = time.GetTimestamp();
        _loaded = true;
    }
}
