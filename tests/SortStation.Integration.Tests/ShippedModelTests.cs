using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using SortStation.Core.Options;
using SortStation.Imaging;
using SortStation.Integration.Tests.Support;
using SortStation.Vision;

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

    [Fact]
    public void Metadata_CarriesTheCardsTemperature()
    {
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "models", "metrics.json")));
        var fitted = metrics.RootElement.GetProperty("calibration").GetProperty("temperature").GetDouble();

        Assert.Equal(fitted, model.Classifier.Metadata.Temperature, 3);
        Assert.NotEqual(1.0, model.Classifier.Metadata.Temperature);
    }

    [TrashNetFact]
    public void Classify_TestSplitAtDefaultMinConfidence_PurityAndCoverageAsTheCardSays()
    {
        // The card's operating point is the shipped default, and the station (temperature applied) reaches it.
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "models", "metrics.json")));
        var point = metrics.RootElement.GetProperty("calibration").GetProperty("operatingPoint").GetProperty("test");
        var threshold = point.GetProperty("threshold").GetDouble();
        Assert.Equal(threshold, new SortingOptions().MinConfidence);
        Assert.Equal(threshold, ShippedSettings().GetProperty("Sorting").GetProperty("MinConfidence").GetDouble());

        var (purity, coverage) = AtThreshold(model.Classifier, threshold);

        Assert.True(purity >= point.GetProperty("purity").GetDouble() - 0.01, $"purity {purity:P2} at {threshold}; card {point.GetProperty("purity").GetDouble():P2}");
        Assert.InRange(coverage, point.GetProperty("coverage").GetDouble() - 0.02, point.GetProperty("coverage").GetDouble() + 0.02);
    }

    [TrashNetFact]
    public void Classify_Int8AtDefaultMinConfidence_KeepsTheCardsPurity()
    {
        // The int8 variant shares metadata.json (temperature included): the default threshold must serve it too.
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "models", "metrics.json")));
        var point = metrics.RootElement.GetProperty("calibration").GetProperty("operatingPoint").GetProperty("test");
        var int8Path = Path.Combine(Path.GetDirectoryName(RepoPaths.ShippedModel)!, "model.int8.onnx");
        using var int8 = new OnnxClassifier(new ModelOptions { Path = int8Path, IntraOpThreads = 2 });

        var (purity, coverage) = AtThreshold(int8, new SortingOptions().MinConfidence);

        Assert.True(purity >= point.GetProperty("purity").GetDouble() - 0.01, $"int8 purity {purity:P2}; card (fp32) {point.GetProperty("purity").GetDouble():P2}");
        Assert.InRange(coverage, point.GetProperty("coverage").GetDouble() - 0.05, point.GetProperty("coverage").GetDouble() + 0.05);
    }

    /// <summary>Purity (accuracy of the accepted photos) and coverage (share accepted) on the committed test split.</summary>
    private static (double Purity, double Coverage) AtThreshold(OnnxClassifier classifier, double threshold)
    {
        var split = File.ReadAllLines(Path.Combine(RepoPaths.Root, "models", "splits", "test.txt")).Where(l => l.Length > 0).ToArray();
        var results = split.Select(relative =>
        {
            var best = classifier.Classify(ImageFiles.Load(Path.Combine(RepoPaths.TrashNet, relative), DateTimeOffset.UnixEpoch)).Best;
            return (Right: best.Label == relative.Split('/')[0], Accepted: best.Confidence >= threshold);
        }).ToArray();

        var accepted = results.Where(r => r.Accepted).ToArray();
        return ((double)accepted.Count(r => r.Right) / accepted.Length, (double)accepted.Length / results.Length);
    }

    private static JsonElement ShippedSettings()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "SortStation", "appsettings.json"));
        using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return doc.RootElement.Clone();
    }
}
