using SortStation.Imaging;
using SortStation.Integration.Tests.Support;
using SortStation.Simulation;

namespace SortStation.Integration.Tests;

/// <summary>The shipped ONNX model through the station's real preprocessing, on real photos and synthetic frames.</summary>
public sealed class ClassifierOnPhotosTests(TestModelFixture model) : IClassFixture<TestModelFixture>
{
    [TrashNetFact]
    public void Classify_OnePhotoPerClass_ValidTopThreeFromModelLabels()
    {
        foreach (var label in model.Classifier.Model.Labels)
        {
            var photo = Directory.EnumerateFiles(Path.Combine(RepoPaths.TrashNet, label), "*.jpg").Order(StringComparer.Ordinal).First();

            var result = model.Classifier.Classify(ImageFiles.Load(photo, DateTimeOffset.UnixEpoch));

            AssertValid(result);
        }
    }

    [Fact]
    public void Classify_SyntheticConveyorFrames_ValidTopThree()
    {
        var renderer = new SyntheticFrameRenderer(640, 480);
        var random = new Random(7);
        foreach (var label in TypicalWeights.Labels)
        {
            using var mat = renderer.Render(label, random.Next);

            var result = model.Classifier.Classify(ImageFiles.ToFrame(mat, null, DateTimeOffset.UnixEpoch));

            AssertValid(result);
        }
    }

    [Fact]
    public void Classify_SameFrameTwice_SameAnswer()
    {
        using var mat = new SyntheticFrameRenderer(320, 240).Render("glass", _ => 0);
        var frame = ImageFiles.ToFrame(mat, null, DateTimeOffset.UnixEpoch);

        Assert.Equal(model.Classifier.Classify(frame).Top, model.Classifier.Classify(frame).Top);
    }

    private void AssertValid(Core.Classification.ClassificationResult result)
    {
        Assert.Equal(3, result.Top.Count);
        Assert.All(result.Top, t => Assert.Contains(t.Label, model.Classifier.Model.Labels));
        Assert.All(result.Top, t => Assert.InRange(t.Confidence, 0, 1));
        Assert.True(result.Top[0].Confidence >= result.Top[1].Confidence && result.Top[1].Confidence >= result.Top[2].Confidence);
        Assert.InRange(result.Top.Sum(t => t.Confidence), 0, 1.0001);
        Assert.True(result.InferenceTime > TimeSpan.Zero);
    }
}
