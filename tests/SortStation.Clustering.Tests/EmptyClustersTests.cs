using SortStation.Clustering;

namespace SortStation.Clustering.Tests;

public sealed class EmptyClustersTests
{
    [Fact]
    public void Relocate_EmptyCluster_TakesPointFarthestFromItsCentre()
    {
        double[] x = [0, 1, 2, 10];
        int[] labels = [0, 0, 0, 0];
        double[] sums = [13, 0];
        long[] counts = [4, 0];

        EmptyClusters.Relocate(x, 4, 1, 2, labels, [3.25, 100], sums, counts);

        Assert.Equal(new[] { 0, 0, 0, 1 }, labels);
        Assert.Equal(new long[] { 3, 1 }, counts);
        Assert.Equal(new double[] { 3, 10 }, sums);
    }
}
