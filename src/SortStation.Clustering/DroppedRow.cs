namespace SortStation.Clustering;

/// <summary>A skipped row, reported with its source line so nothing is dropped silently.</summary>
public sealed record DroppedRow(int Line, DropKind Kind, string Reason);
