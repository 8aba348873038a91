using SortStation.Core.Options;
using SortStation.Imaging;
using SortStation.Integration.Tests.Support;
using SortStation.Vision;

namespace SortStation.Integration.Tests;

/// <summary>
/// The shipped int8 variant (models/mobilenetv2-trashnet/model.int8.onnx, issue 8) drops in through Model:Path with the
/// fp32 model's metadata.json and answers like the fp32 model on real photos of the committed test split.
/// </summary>
public sealed class Int8ModelTests
{
    private static string Int8Model => Path.Combine(AppContext.BaseDirectory, "models", "mobilenetv2-trashnet", "model.int8.onnx");

    [Fact]
    public void Load_Int8Model_SameContractAsFp32()
    {
        using var fp32 = new OnnxClassifier(new ModelOptions { Path = RepoPaths.ShippedModel, IntraOpThreads = 1 });
        using var int8 = new OnnxClassifier(new ModelOptions { Path = Int8Model, IntraOpThreads = 1 });

        Assert.Equal(fp32.Model.Labels, int8.Model.Labels);
        Assert.Equal(fp32.Metadata.InputName, int8.Metadata.InputName);
        Assert.Equal(fp32.Metadata.OutputName, int8.Metadata.OutputName);
        Assert.True(new FileInfo(Int8Model).Length < new FileInfo(RepoPaths.ShippedModel).Length / 2, "the int8 file should be well under half the fp32 size");
    }

    [TrashNetFact]
    public void Classify_TestSplitSample_Int8Top1AgreesWithFp32OnAtLeast95Percent()
    {
        // Every third photo of the committed test split (about 108 photos, all six classes).
        var photos = File.ReadAllLines(Path.Combine(RepoPaths.Root, "models", "splits", "test.txt"))
            .Where(l => l.Trim().Length > 0)
            .Where((_, i) => i % 3 == 0)
            .Select(l => Path.Combine(RepoPaths.TrashNet, l.Trim()))
            .ToArray();
        using var fp32 = new OnnxClassifier(new ModelOptions { Path = RepoPaths.ShippedModel, IntraOpThreads = 2 });
        using var int8 = new OnnxClassifier(new ModelOptions { Path = Int8Model, IntraOpThreads = 2 });

        var agree = 0;
        foreach (var photo in photos)
        {
            var frame = ImageFiles.Load(photo, DateTimeOffset.UnixEpoch);
            var a = fp32.Classify(frame).Top[0];
            var b = int8.Classify(frame).Top[0];
            Assert.InRange(b.Confidence, 0, 1);
            agree += a.Label == b.Label ? 1 : 0;
        }

        Assert.True(photos.Length >= 50, $"only {photos.Length} test photos listed");
        Assert.True(agree >= 0.95 * photos.Length, $"int8 top-1 agrees with fp32 on {agree}/{photos.Length} test photos (< 95 %)");
    }
}
