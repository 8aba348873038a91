using System.Text.Json;
using OpenCvSharp;
using SortStation.Imaging;
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

    [Fact]
    public async Task Classify_HugeTruncatedDirectoryAndGood_EachFaultNamedAndTheGoodOneClassified()
    {
        var huge = Path.Combine(_dir.FullName, "huge27k.png");
        WritePngHeader(huge, 27_000, 27_000);
        var good = Path.Combine(_dir.FullName, "good.jpg");
        var cut = Path.Combine(_dir.FullName, "cut.jpg");
        using (var mat = new SyntheticFrameRenderer(640, 480).Render("glass", _ => 0))
        {
            Cv2.ImWrite(good, mat);
        }

        var bytes = await File.ReadAllBytesAsync(good);
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length * 2 / 3)]);
        var folder = Directory.CreateDirectory(Path.Combine(_dir.FullName, "photos")).FullName;

        var (exit, stdout, stderr) = await StationProcess.RunAsync(["classify", huge, good, cut, folder]);

        Assert.Equal(1, exit);
        Assert.Contains(good + ": ", stdout, StringComparison.Ordinal);
        Assert.Contains("huge27k.png: PNG of 27000 x 27000 pixels (729 MP) is above Model:MaxImagePixels", stderr, StringComparison.Ordinal);
        Assert.Contains("cut.jpg: truncated or corrupt JPEG (no end-of-image marker (EOI)", stderr, StringComparison.Ordinal);
        Assert.Contains("photos: is a directory", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_MistypedModelKey_ExitCode2WithSuggestion()
    {
        var config = Path.Combine(_dir.FullName, "config.json");
        await File.WriteAllTextAsync(config, """{ "Model": { "MaxImagePixel": 1000000 } }""");

        var (exit, _, stderr) = await StationProcess.RunAsync(["classify", "--config", config, "any.jpg"]);

        Assert.Equal(2, exit);
        Assert.Contains("did you mean MaxImagePixels?", stderr, StringComparison.Ordinal);
    }

    [TrashNetFact]
    public void ImageHeader_EveryTrashNetPhoto_WholeWithTheSizeOpenCvDecodes()
    {
        var photos = Directory.EnumerateFiles(RepoPaths.TrashNet, "*.jpg", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

        Assert.All(photos, p => Assert.Null(ImageHeader.Read(p).Truncated)); // no false alarm on 2 500 real photos
        foreach (var photo in photos.Where((_, i) => i % 50 == 0))
        {
            using var mat = Cv2.ImRead(photo, ImreadModes.Color | ImreadModes.IgnoreOrientation);
            Assert.Equal((mat.Width, mat.Height), (ImageHeader.Read(photo).Width, ImageHeader.Read(photo).Height));
        }
    }

    public void Dispose() => _dir.Delete(recursive: true);

    /// <summary>PNG signature and IHDR claiming the size, then IEND: the header is all the station reads of it.</summary>
    private static void WritePngHeader(string file, int width, int height)
    {
        var png = new List<byte> { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' };
        png.AddRange(BigEndian(width));
        png.AddRange(BigEndian(height));
        png.AddRange([8, 2, 0, 0, 0, 0, 0, 0, 0]); // 8-bit RGB, CRC not checked
        png.AddRange([0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82]);
        File.WriteAllBytes(file, [.. png]);
    }

    private static byte[] BigEndian(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static string FirstPhoto(string label) =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.TrashNet, label), "*.jpg").Order(StringComparer.Ordinal).First();
}
