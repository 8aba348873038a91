namespace SortStation.Central.Stations;

/// <summary>
/// A station added with <c>stations add</c>: its weighings are accepted from <see cref="AcceptFrom"/> (normally
/// the registration time) until it is revoked.
/// </summary>
public sealed record RegisteredStation(string StationId, DateTimeOffset RegisteredAt, DateTimeOffset AcceptFrom, DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}
