using SortStation.Central.Live;

namespace SortStation.Central.Web.Api;

/// <summary>
/// One station on the stations page and in <c>/api/stations</c>: its retained status and health (as received),
/// its newest stored weighing, and its registration (null when it was never added with <c>stations add</c>).
/// </summary>
public sealed record StationView(
    string StationId,
    string Status,
    bool Online,
    DateTimeOffset? LastHeardAt,
    DateTimeOffset? LastWeighingAt,
    DateTimeOffset? RegisteredAt,
    DateTimeOffset? RevokedAt,
    StationHealthView? Health);
