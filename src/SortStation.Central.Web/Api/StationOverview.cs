using Microsoft.Extensions.Options;
using SortStation.Central.Live;
using SortStation.Central.Options;
using SortStation.Central.Queries;
using SortStation.Central.Stations;

namespace SortStation.Central.Web.Api;

/// <summary>
/// Every station central knows of: those whose status or health it receives, those registered with
/// <c>stations add</c>, and those with stored weighings. With Central:RequireRegisteredStations, a station the
/// registry does not list as active is shown only by its stored weighings, without status (docs/security.md).
/// </summary>
public sealed class StationOverview(StationStateTracker tracker, IStationStore registry, WeighingQueries weighings, IOptions<CentralOptions> central)
{
    public async Task<IReadOnlyList<StationView>> ListAsync(CancellationToken cancellationToken)
    {
        var live = (await tracker.SnapshotAsync(cancellationToken)).ToDictionary(s => s.StationId, StringComparer.Ordinal);
        var registered = (await registry.ReadAllAsync(cancellationToken)).ToDictionary(s => s.StationId, StringComparer.Ordinal);
        var stored = await weighings.StationIdsAsync(cancellationToken);
        var ids = live.Keys.Union(stored).Union(registered.Values.Where(r => !r.IsRevoked || stored.Contains(r.StationId)).Select(r => r.StationId))
            .Order(StringComparer.Ordinal).ToList();
        var last = await weighings.LastWeighingsAsync(ids, cancellationToken);
        return [.. ids.Select(id =>
        {
            var state = live.GetValueOrDefault(id);
            var registration = registered.GetValueOrDefault(id);
            return new StationView(
                id,
                state?.Status ?? "unknown",
                state?.Online == true,
                state?.LastHeardAt,
                last.TryGetValue(id, out var at) ? at : null,
                registration?.RegisteredAt,
                registration?.RevokedAt,
                state?.Health);
        })];
    }

    public bool RequireRegistered => central.Value.RequireRegisteredStations;
}
