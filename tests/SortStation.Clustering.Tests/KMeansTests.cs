using SortStation.Clustering;

namespace SortStation.Clustering.Tests;

public sealed class KMeansTests
{
    [Theory]
    [InlineData("blobs2", "blobs2.csv", ScalingMethod.Standard, "sseStandard")]
    [InlineData("blobs2", "blobs2.csv", ScalingMethod.MinMax, "sseMinMax")]
    [InlineData("blobs3", "blobs3.csv", ScalingMethod.Standard, "sseStandard")]
    [InlineData("blobs3", "blobs3.csv", ScalingMethod.MinMax, "sseMinMax")]
    public void Fit_EachK_SseWithinHalfPercentOfScikitLearnBest(string set, string csv, ScalingMethod method, string key)
    {
        var raw = Reference.Matrix(csv);
        var scaled = Scaler.Fit(raw, method).Transform(raw);

        foreach (var (k, expected) in Reference.SseByK(Reference.Set(set).GetProperty(key)))
        {
            var fit = KMeans.Fit(scaled, new KMeansOptions { K = k, Seed = 7 });
            Assert.True(fit.Inertia <= expected * 1.005, $"k={k}: SSE {fit.Inertia} vs scikit-learn {expected}");
        }
    }

    [Fact]
    public void Fit_SameSeed_IdenticalResult()
    {
        var scaled = Scaled();

        var a = KMeans.Fit(scaled, new KMeansOptions { K = 4, Seed = 11 });
        var b = KMeans.Fit(scaled, new KMeansOptions { K = 4, Seed = 11 });

        Assert.Equal(a.Inertia, b.Inertia);
        Assert.Equal(a.Labels, b.Labels);
    }

    [Fact]
    public void Fit_Converged_LabelsAreNearestCentroidAndInertiaMatches()
    {
        var scaled = Scaled();

        var fit = KMeans.Fit(scaled, new KMeansOptions { K = 3, Seed = 3 });

        var sse = 0.0;
        for (var i = 0; i < scaled.Rows; i++)
        {
            Assert.Equal(KMeans.Nearest(fit, scaled.Row(i)), fit.Labels[i]);
            var c = fit.Centroid(fit.Labels[i]);
            sse += Math.Pow(scaled[i, 0] - c[0], 2) + Math.Pow(scaled[i, 1] - c[1], 2);
        }

        Assert.Equal(sse, fit.Inertia, 9);
    }

    [Fact]
    public void Fit_LargeInputAcrossManyChunks_DeterministicAndNoEmptyCluster()
    {
        var rng = new Random(5);
        var data = new double[60_000];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = rng.NextDouble() + ((i / 2) % 3 * 4);
        }

        var m = new FeatureMatrix(["a", "b"], data);
        var a = KMeans.Fit(m, new KMeansOptions { K = 3, NInit = 2, Seed = 1 });
        var b = KMeans.Fit(m, new KMeansOptions { K = 3, NInit = 2, Seed = 1 });

        Assert.Equal(a.Inertia, b.Inertia);
        Assert.Equal(3, a.Labels.Distinct().Count());
    }

    [Fact]
    public void Fit_KGreaterThanRows_Throws()
    {
        var m = new FeatureMatrix(["a"], [1, 2]);

        Assert.Throws<ArgumentOutOfRangeException>(() => KMeans.Fit(m, new KMeansOptions { K = 3 }));
    }

    private static FeatureMatrix Scaled()
    {
        var raw = Reference.Matrix("blobs2.csv");
        return Scaler.Fit(raw, ScalingMethod.Standard).Transform(raw);
    }
}
