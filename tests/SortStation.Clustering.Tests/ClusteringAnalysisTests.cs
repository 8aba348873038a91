using System.Text.Json;
using SortStation.Clustering;

namespace SortStation.Clustering.Tests;

public sealed class ClusteringAnalysisTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Run_Blobs_ElbowCoversRangeAndKneePicked()
    {
        var result = ClusteringAnalysis.Run(Reference.Csv("blobs2.csv"), new AnalysisOptions { KMax = 8 });

        Assert.Equal(Enumerable.Range(2, 7), result.Elbow.Select(p => p.K));
        Assert.Equal("kneedle", result.KSelection);
        Assert.Equal(result.ChosenK, result.Clusters.Count);
        Assert.Equal(result.Records, result.Clusters.Sum(c => c.Count));
        Assert.All(result.Elbow, p => Assert.NotNull(p.Silhouette));
    }

    [Fact]
    public void Run_FixedK_UsesIt()
    {
        var result = ClusteringAnalysis.Run(Reference.Csv("blobs2.csv"), new AnalysisOptions { FixedK = 3 });

        Assert.Equal(3, result.ChosenK);
        Assert.Equal("fixed", result.KSelection);
        Assert.Single(result.Elbow);
    }

    [Fact]
    public void Run_Serialised_HasIssueFields()
    {
        var result = ClusteringAnalysis.Run(Reference.Csv("blobs2.csv"), new AnalysisOptions { FixedK = 3 });

        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(result, Json));
        var root = doc.RootElement;

        foreach (var field in new[] { "records", "dropped", "features", "scaling", "elbow", "chosenK", "silhouette", "clusters", "assignments" })
        {
            Assert.True(root.TryGetProperty(field, out _), field);
        }

        var cluster = root.GetProperty("clusters")[0];
        foreach (var field in new[] { "id", "count", "label", "centroid", "mean", "min", "max" })
        {
            Assert.True(cluster.TryGetProperty(field, out _), field);
        }

        Assert.True(root.GetProperty("elbow")[0].TryGetProperty("sse", out _));
    }

    [Fact]
    public void Predict_PriceyLightRecord_HighValueCluster()
    {
        var result = ClusteringAnalysis.Run(Reference.Csv("blobs2.csv"), new AnalysisOptions { FixedK = 3, Outliers = OutlierFilter.Iqr });

        var prediction = result.Predictor.Predict([0.4, 65000]);

        Assert.Equal("high value", prediction.Label);
        Assert.Equal("high value", result.Clusters[prediction.ClusterId].Label);
    }

    [Fact]
    public void Run_IqrFilter_OutliersReportedAsDropped()
    {
        var result = ClusteringAnalysis.Run(Reference.Csv("blobs2.csv"), new AnalysisOptions { FixedK = 3, Outliers = OutlierFilter.Iqr });

        Assert.Equal(Reference.Set("blobs2").GetProperty("iqrKeptRows").GetInt32(), result.Records);
        Assert.Equal(result.InputRows - result.Records, result.Dropped.Outliers);
    }

    [Fact]
    public void Run_MoreClustersThanDistinctPoints_RangeCapped()
    {
        var rows = Enumerable.Range(0, 10).Select(i => new RawRecord(i + 2, "T", [(i % 3).ToString(), "1"])).ToList();

        var result = ClusteringAnalysis.Run(new RawTable(["weight_kg", "unit_price"], rows), new AnalysisOptions());

        Assert.Equal(3, result.Elbow[^1].K);
    }

    [Fact]
    public void Run_RangeAboveDistinctPoints_ThrowsWithReason()
    {
        var rows = Enumerable.Range(0, 10).Select(i => new RawRecord(i + 2, "T", [(i % 3).ToString(), "1"])).ToList();

        var e = Assert.Throws<InvalidOperationException>(
            () => ClusteringAnalysis.Run(new RawTable(["weight_kg", "unit_price"], rows), new AnalysisOptions { KMin = 5, KMax = 8 }));

        Assert.Contains("at most 3 clusters", e.Message, StringComparison.Ordinal);
    }
}
