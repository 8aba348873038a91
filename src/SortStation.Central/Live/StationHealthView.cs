namespace SortStation.Central.Live;

/// <summary>
/// What the console shows of a station's retained health message (<c>sortstation.health/1</c>, published by the
/// station's HealthPublisher). Text from the station is escaped and cut to <see cref="StationStateTracker.MaxText"/>.
/// </summary>
public sealed record StationHealthView(
    DateTimeOffset Timestamp,
    double UptimeSeconds,
    string? Model,
    long? OutboxPending,
    long? OutboxDropped,
    bool? BrokerConnected,
    string? State,
    IReadOnlyList<string> Alarms,
    IReadOnlyDictionary<string, string> Devices);

/// <summary>A station as the console sees it: its retained status and health, and when central received them.</summary>
public sealed record StationLive(string StationId, string? Status, DateTimeOffset? StatusReceivedAt, StationHealthView? Health, DateTimeOffset? HealthReceivedAt)
{
    public bool Online => string.Equals(Status, Contracts.StationStatus.Online, StringComparison.Ordinal);

    /// <summary>When central last heard from the station on either topic.</summary>
    public DateTimeOffset? LastHeardAt => (StatusReceivedAt, HealthReceivedAt) switch
    {
        ({ } s, { } h) => s > h ? s : h,
        ({ } s, null) => s,
        (null, var h) => h,
    };
}
