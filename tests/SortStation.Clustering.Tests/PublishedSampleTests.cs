using SortStation.Clustering;
using Xunit.Abstractions;

namespace SortStation.Clustering.Tests;

/// <summary>The printed excerpt of the waste-bank study, read in place from ../shared/data/clustering/.</summary>
public sealed class PublishedSampleTests(ITestOutputHelper output)
{
    [PublishedSampleFact]
    public void Fit_PublishedSample_SseWithinHalfPercentOfScikitLearn()
    {
        var scaled = Scaled();
        var reference = Reference.SseByK(Reference.Set("publishedSample").GetProperty("sseStandard"));

        foreach (var (k, expected) in reference)
        {
            var fit = KMeans.Fit(scaled, new KMeansOptions { K = k, Seed = 42 });
            output.WriteLine($"k={k}: SSE {fit.Inertia:F6} (scikit-learn best of 100: {expected:F6})");
            Assert.True(fit.Inertia <= expected * 1.005, $"k={k}: {fit.Inertia} vs {expected}");
        }
    }

    [PublishedSampleFact]
    public void Transform_PublishedSample_MatchesScikitLearnStandardScaler()
    {
        var expected = Reference.Flat(Reference.Set("publishedSample").GetProperty("standard"));

        var scaled = Scaled().AsSpan();

        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - scaled[i]) <= 1e-12, $"value {i}");
        }
    }

    [PublishedSampleFact]
    public void Run_PublishedSample_ThreeNamedGroupsPresentAndSilhouetteMatchesReference()
    {
        var result = ClusteringAnalysis.Run(SimpleCsv.Read(PublishedSample.Path!), new AnalysisOptions());

        output.WriteLine($"records {result.Records}, chosen k {result.ChosenK} ({result.KSelection}), silhouette {result.Silhouette:F4}");
        foreach (var c in result.Clusters)
        {
            output.WriteLine($"  {c.Id} {c.Label}: {c.Count}");
        }

        Assert.Equal(45, result.Records);
        Assert.Contains(result.Clusters, c => c.Label == "high value");
        Assert.Contains(result.Clusters, c => c.Label == "standard");
        var expected = Reference.Set("publishedSample").GetProperty($"silhouetteK{result.ChosenK}").GetDouble();
        Assert.Equal(expected, result.Silhouette, 1e-9);
    }

    private static FeatureMatrix Scaled()
    {
        var raw = Cleaner.Clean(SimpleCsv.Read(PublishedSample.Path!), false).Dataset.Features;
        return Scaler.Fit(raw, ScalingMethod.Standard).Transform(raw);
    }
}
