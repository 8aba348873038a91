using SortStation.Clustering;

namespace SortStation.Clustering.Tests;

public sealed class KneedleTests
{
    [Fact]
    public void FindKnee_PublishedStudySse_PicksK3()
    {
        double[] k = [2, 3, 4, 5, 6, 7, 8, 9, 10];
        double[] sse = [538.9405, 223.1963, 163.1220, 107.6027, 75.5402, 53.5027, 42.4808, 32.5909, 27.0921];

        var knee = Kneedle.FindKnee(k, sse);

        Assert.Equal(3, k[knee]);
    }

    [Fact]
    public void FindKnee_StraightLine_NoKnee()
    {
        Assert.Equal(-1, Kneedle.FindKnee([1, 2, 3, 4], [40, 30, 20, 10]));
    }

    [Fact]
    public void FindKnee_TwoPoints_NoKnee()
    {
        Assert.Equal(-1, Kneedle.FindKnee([2, 3], [10, 5]));
    }
}
