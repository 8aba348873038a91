using SortStation.Contracts;

namespace SortStation.Vision.Tests;

public sealed class ScoresTests
{
    private static readonly string[] Labels = ["cardboard", "glass", "metal", "paper"];

    [Fact]
    public void ToProbabilities_Logits_SoftmaxSumsToOneAndKeepsOrder()
    {
        var probabilities = new float[4];

        Scores.ToProbabilities([2f, 1f, 0.1f, -3f], probabilities, outputsAreLogits: true);

        Assert.Equal(1f, probabilities.Sum(), 5);
        Assert.Equal(0.65609f, probabilities[0], 4); // e^2 / (e^2 + e + e^0.1 + e^-3)
        Assert.True(probabilities[0] > probabilities[1] && probabilities[1] > probabilities[2] && probabilities[2] > probabilities[3]);
    }

    [Fact]
    public void ToProbabilities_Temperature_SoftmaxOfLogitsOverTemperature()
    {
        var probabilities = new float[4];

        Scores.ToProbabilities([2f, 1f, 0.1f, -3f], probabilities, outputsAreLogits: true, temperature: 2f);

        Assert.Equal(1f, probabilities.Sum(), 5);
        Assert.Equal(0.48184f, probabilities[0], 4); // e^1 / (e^1 + e^0.5 + e^0.05 + e^-1.5): softer than T = 1's 0.65609
    }

    [Fact]
    public void ToProbabilities_TemperatureBelowOne_Sharpens()
    {
        var probabilities = new float[2];

        Scores.ToProbabilities([1f, 0f], probabilities, outputsAreLogits: true, temperature: 0.5f);

        Assert.Equal(0.8808f, probabilities[0], 4); // e^2 / (e^2 + 1), where T = 1 gives 0.7311
    }

    [Fact]
    public void ToProbabilities_HugeLogits_NoOverflow()
    {
        var probabilities = new float[2];

        Scores.ToProbabilities([1000f, 999f], probabilities, outputsAreLogits: true);

        Assert.Equal(0.7311f, probabilities[0], 3);
        Assert.False(float.IsNaN(probabilities[1]));
    }

    [Fact]
    public void ToProbabilities_ModelOutputsProbabilities_Copied()
    {
        var probabilities = new float[2];

        Scores.ToProbabilities([0.25f, 0.75f], probabilities, outputsAreLogits: false);

        Assert.Equal([0.25f, 0.75f], probabilities);
    }

    [Fact]
    public void TopK_UnsortedScores_BestFirst()
    {
        var top = Scores.TopK([0.1f, 0.5f, 0.15f, 0.25f], Labels, 3);

        Assert.Equal([new LabelScore("glass", 0.5), new LabelScore("paper", 0.25), new LabelScore("metal", 0.15)], top);
    }

    [Fact]
    public void TopK_Ties_LowerIndexFirst()
    {
        var top = Scores.TopK([0.3f, 0.3f, 0.3f, 0.1f], Labels, 2);

        Assert.Equal(["cardboard", "glass"], top.Select(t => t.Label));
    }

    [Fact]
    public void TopK_KEqualsLabelCount_ReturnsAll()
    {
        Assert.Equal(4, Scores.TopK([0.1f, 0.2f, 0.3f, 0.4f], Labels, 4).Length);
    }
}
