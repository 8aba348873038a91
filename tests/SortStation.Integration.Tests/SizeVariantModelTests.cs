using Microsoft.ML.OnnxRuntime;
using SortStation.Core.Options;
using SortStation.Imaging;
using SortStation.Integration.Tests.Support;
using SortStation.Vision;

namespace SortStation.Integration.Tests;

/// <summary>
/// The model folders fine-tuned at a smaller input (models/mobilenetv2-trashnet-160, -192; issue 24) drop in through
/// Model:Path alone: the station takes the input size and temperature from their metadata.json and sorts real photos.
/// </summary>
public sealed class SizeVariantModelTests
{
    /// <summary>Every shipped size folder (mobilenetv2-trashnet-SIZE) beside the test binaries, fp32 and int8.</summary>
    public static TheoryData<int, string> Variants()
    {
        var data = new TheoryData<int, string>();
        foreach (var folder in Directory.EnumerateDirectories(Path.Combine(AppContext.BaseDirectory, "models"), "mobilenetv2-trashnet-*").Order(StringComparer.Ordinal))
        {
            var size = int.Parse(Path.GetFileName(folder)["mobilenetv2-trashnet-".Length..], System.Globalization.CultureInfo.InvariantCulture);
            data.Add(size, Path.Combine(folder, "model.onnx"));
            data.Add(size, Path.Combine(folder, "model.int8.onnx"));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Load_SizeFolder_InputSizeAndTemperatureFromItsMetadata(int size, string model)
    {
        using var classifier = new OnnxClassifier(new ModelOptions { Path = model, IntraOpThreads = 1 });
        using var session = new InferenceSession(model);

        Assert.Equal((size, size), (classifier.Metadata.InputWidth, classifier.Metadata.InputHeight));
        Assert.Equal([3, size, size], session.InputMetadata[classifier.Metadata.InputName!].Dimensions[1..]);
        Assert.Equal(["cardboard", "glass", "metal", "paper", "plastic", "trash"], classifier.Model.Labels);
        Assert.NotEqual(1.0, classifier.Metadata.Temperature);
    }

    [TrashNetTheory]
    [MemberData(nameof(Variants))]
    public void Classify_TestSplitSample_MostlyRight(int size, string model)
    {
        // Every eighth photo of the committed test split (about 40 photos, all six classes).
        var photos = File.ReadAllLines(Path.Combine(RepoPaths.Root, "models", "splits", "test.txt"))
            .Where(l => l.Trim().Length > 0)
            .Where((_, i) => i % 8 == 0)
            .ToArray();
        using var classifier = new OnnxClassifier(new ModelOptions { Path = model, IntraOpThreads = 2 });

        var right = photos.Count(relative =>
        {
            var result = classifier.Classify(ImageFiles.Load(Path.Combine(RepoPaths.TrashNet, relative.Trim()), DateTimeOffset.UnixEpoch));
            Assert.InRange(result.Best.Confidence, 0, 1);
            return result.Best.Label == relative.Split('/')[0];
        });

        Assert.True(photos.Length >= 40, $"only {photos.Length} test photos listed");
        Assert.True(right >= 0.85 * photos.Length, $"{size} px model {Path.GetFileName(model)}: {right}/{photos.Length} test photos right (< 85 %)");
    }
}
