using SortStation.Clustering;

namespace SortStation.Clustering.Tests;

public sealed class ClusterLabelerTests
{
    private static readonly string[] Features = ["weight_kg", "unit_price"];

    [Fact]
    public void Label_PublishedProfiles_StandardHighValueHighVolume()
    {
        double[][] centroids = [[11.42, 2807.2], [0.30, 65000], [158.09, 1588.2]];

        var labels = ClusterLabeler.Label(Features, centroids, [388, 10, 38], [24.0, 4000]);

        Assert.Equal(new[] { "standard", "high value", "high volume" }, labels);
    }

    [Fact]
    public void Label_ExtraClusters_MidOrLow()
    {
        double[][] centroids = [[1, 90000], [200, 1000], [5, 2000], [2, 20000], [1, 500]];

        var labels = ClusterLabeler.Label(Features, centroids, [5, 5, 50, 5, 30], [30, 10000]);

        Assert.Equal(new[] { "high value", "high volume", "standard", "mid value", "low value" }, labels);
    }

    [Fact]
    public void Label_NoClusterAboveMean_NoHighLabels()
    {
        double[][] centroids = [[1, 1], [1, 1]];

        var labels = ClusterLabeler.Label(Features, centroids, [3, 2], [1, 1]);

        Assert.Equal(new[] { "standard", "low value" }, labels);
    }
}
