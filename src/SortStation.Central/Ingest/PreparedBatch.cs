using SortStation.Contracts;

namespace SortStation.Central.Ingest;

/// <summary>A validated batch: the records to insert and how many messages were rejected.</summary>
public sealed record PreparedBatch(IReadOnlyList<WeighingRecord> Records, int Malformed);
