namespace SortStation.Central.Stations;

/// <summary>A row of <c>stations list</c>: the registration and whether the broker has the account (null: password file unreadable).</summary>
public sealed record StationListing(string StationId, DateTimeOffset RegisteredAt, DateTimeOffset AcceptFrom, DateTimeOffset? RevokedAt, bool? BrokerAccount);
