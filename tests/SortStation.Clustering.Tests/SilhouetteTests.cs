using SortStation.Clustering;

namespace SortStation.Clustering.Tests;

public sealed class SilhouetteTests
{
    [Theory]
    [InlineData("blobs2", "blobs2.csv", ScalingMethod.Standard, "labelsK3", "silhouetteK3")]
    [InlineData("blobs2", "blobs2.csv", ScalingMethod.MinMax, "labelsMinMaxK2", "silhouetteMinMaxK2")]
    [InlineData("blobs3", "blobs3.csv", ScalingMethod.Standard, "labelsK3", "silhouetteK3")]
    public void Exact_ScikitLearnLabels_MatchesTo1e9(string set, string csv, ScalingMethod method, string labels, string value)
    {
        var raw = Reference.Matrix(csv);
        var scaled = Scaler.Fit(raw, method).Transform(raw);
        var reference = Reference.Set(set);

        var s = Silhouette.Exact(scaled, Reference.Ints(reference.GetProperty(labels)));

        Assert.Equal(reference.GetProperty(value).GetDouble(), s, 1e-9);
    }

    [Fact]
    public void Exact_SingletonCluster_ContributesZero()
    {
        // Point 0: a = 1, b = 11; point 1: a = 1, b = 10; point 2 is alone (s = 0).
        var m = new FeatureMatrix(["x"], [0, 1, 11]);

        var s = Silhouette.Exact(m, [0, 0, 1]);

        Assert.Equal(((10.0 / 11) + (9.0 / 10)) / 3, s, 12);
    }

    [Fact]
    public void Estimate_AboveThreshold_SampledAndStated()
    {
        var raw = Reference.Matrix("blobs2.csv");
        var labels = Reference.Ints(Reference.Set("blobs2").GetProperty("labelsK3"));
        var scaled = Scaler.Fit(raw, ScalingMethod.Standard).Transform(raw);

        var estimate = Silhouette.Estimate(scaled, labels, threshold: 100, seed: 9);

        Assert.True(estimate.Sampled);
        Assert.Equal(100, estimate.SampleSize);
        Assert.Contains("sampled", estimate.Method, StringComparison.Ordinal);
        Assert.Equal(Reference.Set("blobs2").GetProperty("silhouetteK3").GetDouble(), estimate.Value, 0.1);
    }

    [Fact]
    public void Estimate_BelowThreshold_Exact()
    {
        var m = new FeatureMatrix(["x"], [0, 1, 10, 11]);

        var estimate = Silhouette.Estimate(m, [0, 0, 1, 1], threshold: 100, seed: 1);

        Assert.False(estimate.Sampled);
        Assert.Equal(Silhouette.Exact(m, [0, 0, 1, 1]), estimate.Value);
    }

    [Fact]
    public void Exact_OneCluster_Throws()
    {
        var m = new FeatureMatrix(["x"], [0, 1, 2]);

        Assert.Throws<ArgumentException>(() => Silhouette.Exact(m, [0, 0, 0]));
    }
}
