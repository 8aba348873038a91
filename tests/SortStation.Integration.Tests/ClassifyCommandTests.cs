using System.Text.Json;
using OpenCvSharp;
using SortStation.Integration.Tests.Support;
using SortStation.Simulation;

namespace SortStation.Integration.Tests;

/// <summary><c>sortstation classify</c> as a technician runs it.</summary>
public sealed class ClassifyCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("sortstation-classify-");

    [TrashNetFact]
    public async Task Classify_PhotosAndBadFiles_BadOnesReportedOthersClassified()
    {
        var glass = FirstPhoto("glass");
        var paper = FirstPhoto("paper");
        var notImage = Path.Combine(_dir.FullName, "notes.jpg");
        File.WriteAllText(notImage, "not a picture");

        var (exit, stdout, stderr) = await StationProcess.RunAsync(["classify", glass, "missing.jpg", notImage, paper]);

        Assert.Equal(1, exit);
        Assert.Contains(glass + ": ", stdout, StringComparison.Ordinal);
        Assert.Contains(paper + ": ", stdout, StringComparison.Ordinal);
        Assert.Contains("top-3:", stdout, StringComparison.Ordinal);
        Assert.Contains("missing.jpg: no such file", stderr, StringComparison.Ordinal);
        Assert.Contains("notes.jpg: not an image", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_Json_OneEntryPerFileWithTopThree()
    {
        var frame = Path.Combine(_dir.FullName, "frame.png");
        using (var mat = new SyntheticFrameRenderer(640, 480).Render("metal", _ => 0))
        {
            Cv2.ImWrite(frame, mat);
        }

        var (exit, stdout, stderr) = await StationProcess.RunAsync(["classify", "--json", frame, Path.Combine(_dir.FullName, "gone.png")]);

        Assert.True(exit == 1, stderr);
        using var json = JsonDocument.Parse(stdout);
        var images = json.RootElement.GetProperty("images").EnumerateArray().ToArray();
        Assert.Equal(2, images.Length);
        Assert.Equal(3, images[0].GetProperty("top").GetArrayLength());
        Assert.InRange(images[0].GetProperty("confidence").GetDouble(), 0, 1);
        Assert.Contains("no such file", images[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("mobilenetv2-", json.RootElement.GetProperty("model").GetString(), StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private static string FirstPhoto(string label) =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.TrashNet, label), "*.jpg").Order(StringComparer.Ordinal).First();
}
