namespace SortStation.Clustering;

public sealed record DropSummary(int Total, int Malformed, int Invalid, int Duplicates, int Outliers, IReadOnlyList<DroppedRow> Rows)
{
    public static DropSummary From(IReadOnlyList<DroppedRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ordered = rows.OrderBy(r => r.Line).ToList();
        int Count(DropKind kind) => ordered.Count(r => r.Kind == kind);
        return new DropSummary(
            ordered.Count, Count(DropKind.Malformed), Count(DropKind.Invalid), Count(DropKind.Duplicate), Count(DropKind.Outlier), ordered);
    }
}
