using SortStation.Clustering;

namespace SortStation.Clustering.Tests;

public sealed class CleanerTests
{
    private static readonly string[] Features = ["weight_kg", "unit_price"];

    [Fact]
    public void Clean_InvalidNumber_DroppedWithLineAndReason()
    {
        var table = Table(("A", "1", "100"), ("B", "x", "200"), ("C", "3", "300"));

        var result = Cleaner.Clean(table, false);

        Assert.Equal(2, result.Dataset.Count);
        var dropped = Assert.Single(result.Report.Dropped);
        Assert.Equal(3, dropped.Line);
        Assert.Equal(DropKind.Invalid, dropped.Kind);
        Assert.StartsWith("weight_kg:", dropped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_DuplicatesWithDedupe_KeepsFirstAndReportsIt()
    {
        var table = Table(("A", "1", "100"), ("A", "1.0", "100"), ("B", "1", "100"));

        var result = Cleaner.Clean(table, true);

        Assert.Equal(new[] { 2, 4 }, result.Dataset.Lines);
        var dropped = Assert.Single(result.Report.Dropped);
        Assert.Equal(DropKind.Duplicate, dropped.Kind);
        Assert.Equal("duplicate of line 2", dropped.Reason);
    }

    [Fact]
    public void Clean_DuplicatesWithoutDedupe_AllKept()
    {
        var result = Cleaner.Clean(Table(("A", "1", "100"), ("A", "1", "100")), false);

        Assert.Equal(2, result.Dataset.Count);
        Assert.Empty(result.Report.Dropped);
    }

    private static RawTable Table(params (string Type, string W, string P)[] rows) =>
        new(Features, rows.Select((r, i) => new RawRecord(i + 2, r.Type, [r.W, r.P])).ToList());
}
