using SortStation.Central.Storage;
using SortStation.Contracts;

namespace SortStation.Central.Ingest;

/// <summary>A validated batch: the records to insert and the rejected messages counted by reason.</summary>
public sealed record PreparedBatch(IReadOnlyList<WeighingRecord> Records, RejectionCounts Rejections);
