namespace SortStation.Central.Stations;

/// <summary>The <c>stations</c> table: who may send, since when, and who was revoked.</summary>
public interface IStationStore
{
    Task<IReadOnlyList<RegisteredStation>> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Registers the station (weighings accepted from <paramref name="acceptFrom"/>, default now), or registers a
    /// revoked one again; an active one keeps its registration (and gets <paramref name="acceptFrom"/> when given).
    /// Returns the row now stored.
    /// </summary>
    Task<RegisteredStation> AddAsync(string stationId, DateTimeOffset now, DateTimeOffset? acceptFrom, CancellationToken cancellationToken);

    /// <summary>Marks the station revoked; false when it is not registered or already revoked.</summary>
    Task<bool> RevokeAsync(string stationId, DateTimeOffset now, CancellationToken cancellationToken);
}
