using SortStation.Clustering;

namespace SortStation.Clustering.Tests;

public sealed class ScalerTests
{
    [Theory]
    [InlineData("blobs2", "blobs2.csv", ScalingMethod.Standard, "standard")]
    [InlineData("blobs2", "blobs2.csv", ScalingMethod.MinMax, "minmax")]
    [InlineData("blobs3", "blobs3.csv", ScalingMethod.Standard, "standard")]
    [InlineData("blobs3", "blobs3.csv", ScalingMethod.MinMax, "minmax")]
    public void Transform_FixtureData_MatchesScikitLearnTo1e12(string set, string csv, ScalingMethod method, string key)
    {
        var raw = Reference.Matrix(csv);
        var expected = Reference.Flat(Reference.Set(set).GetProperty(key));

        var scaled = Scaler.Fit(raw, method).Transform(raw).AsSpan();

        Assert.Equal(expected.Length, scaled.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - scaled[i]) <= 1e-12, $"value {i}: {scaled[i]} vs {expected[i]}");
        }
    }

    [Theory]
    [InlineData(ScalingMethod.Standard)]
    [InlineData(ScalingMethod.MinMax)]
    [InlineData(ScalingMethod.None)]
    public void InverseTransformPoint_ScaledRow_ReturnsOriginal(ScalingMethod method)
    {
        var raw = Reference.Matrix("blobs2.csv");
        var scaler = Scaler.Fit(raw, method);
        var scaled = new double[2];
        var back = new double[2];

        scaler.TransformPoint(raw.Row(7), scaled);
        scaler.InverseTransformPoint(scaled, back);

        Assert.Equal(raw[7, 0], back[0], 9);
        Assert.Equal(raw[7, 1], back[1], 9);
    }

    [Fact]
    public void Fit_ConstantFeature_KeepsScaleOne()
    {
        var m = new FeatureMatrix(["a", "b"], [5, 1, 5, 2, 5, 3]);

        var standard = Scaler.Fit(m, ScalingMethod.Standard).Transform(m);
        var minMax = Scaler.Fit(m, ScalingMethod.MinMax).Transform(m);

        Assert.Equal(0, standard[2, 0]);
        Assert.Equal(0, minMax[2, 0]);
        Assert.Equal(1, minMax[2, 1]);
    }
}
