namespace SortStation.Central.Storage;

/// <summary>What <c>sortstation-central stats</c> prints; read from the database, so any process can.</summary>
public sealed record IngestStats(
    long Stored,
    long DuplicatesDropped,
    long MalformedRejected,
    IReadOnlyDictionary<string, long> RejectedByReason,
    IReadOnlyList<CountRow> PerStation,
    IReadOnlyList<CountRow> PerLabel);
