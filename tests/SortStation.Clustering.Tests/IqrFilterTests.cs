using SortStation.Clustering;

namespace SortStation.Clustering.Tests;

public sealed class IqrFilterTests
{
    [Fact]
    public void Apply_FixtureWithOutliers_KeepsSameRowsAsNumpyFences()
    {
        var data = Cleaner.Clean(Reference.Csv("blobs2.csv"), false).Dataset;
        var expected = Reference.Set("blobs2").GetProperty("iqrKeptRows").GetInt32();

        var (kept, dropped) = IqrFilter.Apply(data);

        Assert.Equal(expected, kept.Count);
        Assert.Equal(data.Count - expected, dropped.Count);
        Assert.All(dropped, d => Assert.Equal(DropKind.Outlier, d.Kind));
        Assert.Contains(dropped, d => d.Line == data.Count && d.Reason.Contains("weight_kg", StringComparison.Ordinal));
    }

    [Fact]
    public void Quantile_Quartiles_MatchNumpyPercentile()
    {
        var column = Reference.Matrix("blobs2.csv").Column(1);
        Array.Sort(column);
        var q1 = Reference.Set("blobs2").GetProperty("q1")[1].GetDouble();
        var q3 = Reference.Set("blobs2").GetProperty("q3")[1].GetDouble();

        Assert.Equal(q1, IqrFilter.Quantile(column, 0.25), 9);
        Assert.Equal(q3, IqrFilter.Quantile(column, 0.75), 9);
    }
}
