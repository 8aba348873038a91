using System.Collections.Concurrent;
using SortStation.Central.Stations;

namespace SortStation.Central.Tests.Support;

/// <summary>The stations table in memory, for pipelines over a store without one (<see cref="FlakyStore"/>, validator tests).</summary>
public sealed class MemoryStationStore : IStationStore, IStationDirectory
{
    private readonly ConcurrentDictionary<string, RegisteredStation> _rows = new(StringComparer.Ordinal);

    public RegisteredStation? Find(string stationId) => _rows.GetValueOrDefault(stationId);

    public Task<IReadOnlyList<RegisteredStation>> ReadAllAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RegisteredStation>>([.. _rows.Values]);

    public Task<RegisteredStation> AddAsync(string stationId, DateTimeOffset now, DateTimeOffset? acceptFrom, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.AddOrUpdate(
            stationId,
            _ => new RegisteredStation(stationId, now, acceptFrom ?? now, null),
            (_, old) => old.IsRevoked ? new RegisteredStation(stationId, now, acceptFrom ?? now, null) : old with { AcceptFrom = acceptFrom ?? old.AcceptFrom }));

    public Task<bool> RevokeAsync(string stationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var revoked = _rows.TryGetValue(stationId, out var row) && !row.IsRevoked && _rows.TryUpdate(stationId, row with { RevokedAt = now }, row);
        return Task.FromResult(revoked);
    }
}
