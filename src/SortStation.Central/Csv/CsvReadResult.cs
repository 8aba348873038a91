using SortStation.Clustering;

namespace SortStation.Central.Csv;

/// <summary>Rows still as text (coercion is the library's job) plus structurally bad rows with their line numbers.</summary>
public sealed record CsvReadResult(RawTable Table, IReadOnlyList<DroppedRow> Malformed);
