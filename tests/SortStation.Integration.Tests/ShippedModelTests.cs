using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using SortStation.Imaging;
using SortStation.Integration.Tests.Support;

namespace SortStation.Integration.Tests;

/// <summary>The shipped default model: loads in the station's classifier, matches its metadata, and keeps the card's accuracy.</summary>
public sealed class ShippedModelTests(TestModelFixture model) : IClassFixture<TestModelFixture>
{
    [Fact]
    public void Metadata_MatchesOnnxInputAndOutput()
    {
        var metadata = model.Classifier.Metadata;
        using var session = new InferenceSession(RepoPaths.ShippedModel);

        var input = session.InputMetadata[metadata.InputName!];
        var output = session.OutputMetadata[metadata.OutputName!];
        Assert.Equal([3, metadata.InputHeight, metadata.InputWidth], input.Dimensions[1..]);
        Assert.Equal(metadata.Labels.Count, output.Dimensions[^1]);
        Assert.Equal(["cardboard", "glass", "metal", "paper", "plastic", "trash"], metadata.Labels);
        Assert.Equal(File.ReadAllLines(Path.Combine(Path.GetDirectoryName(RepoPaths.ShippedModel)!, "labels.txt")).Where(l => l.Length > 0), metadata.Labels);
    }

    [TrashNetFact]
    public void Classify_CommittedTestSplit_AccuracyAtLeastModelCardMinusOnePoint()
    {
        var split = File.ReadAllLines(Path.Combine(RepoPaths.Root, "models", "splits", "test.txt")).Where(l => l.Length > 0).ToArray();
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "models", "metrics.json")));
        var cardAccuracy = metrics.RootElement.GetProperty("fineTuned").GetProperty("accuracy").GetDouble();

        var correct = split.Count(relative =>
        {
            var label = relative.Split('/')[0];
            var frame = ImageFiles.Load(Path.Combine(RepoPaths.TrashNet, relative), DateTimeOffset.UnixEpoch);
            return model.Classifier.Classify(frame).Best.Label == label;
        });

        var accuracy = (double)correct / split.Length;
        Assert.True(split.Length >= 300, $"test split has {split.Length} photos");
        Assert.True(accuracy >= cardAccuracy - 0.01, $"station accuracy {accuracy:P2} on {split.Length} test photos; model card says {cardAccuracy:P2}");
    }
}
