namespace SortStation.Clustering;

/// <summary>What cleaning kept and dropped; every dropped row carries its source line and reason.</summary>
public sealed record CleaningReport(int InputRows, int KeptRows, IReadOnlyList<DroppedRow> Dropped)
{
    public int Count(DropKind kind) => Dropped.Count(d => d.Kind == kind);
}
