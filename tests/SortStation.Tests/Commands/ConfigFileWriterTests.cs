using System.Text.Json;
using SortStation.Commands;

namespace SortStation.Tests.Commands;

/// <summary>`tare --write` and `calibrate-scale --write` edit a technician's file, keeping everything else in it.</summary>
public sealed class ConfigFileWriterTests : IDisposable
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private readonly string _folder = Directory.CreateTempSubdirectory("sortstation-config-").FullName;

    [Fact]
    public void Set_FileWithComments_ReplacesTheValueAndKeepsCommentsAndLayout()
    {
        const string Original = """
            {
              // Line 2, north hall. Recalibrated after the load cell swap.
              "Station": { "Id": "line-2" },
              "Scale": {
                /* HX711 on GPIO 5/6 */
                "CountsPerKilogram": 410000.5, // last year's figure
                "ZeroCounts": 8100
              }
            }
            """;

        var text = Write(Original, ("CountsPerKilogram", 420_000.1234));

        Assert.Equal(Original.Replace("410000.5", "420000.123", StringComparison.Ordinal), text.TrimEnd('\n'));
    }

    [Fact]
    public void Set_KeyMissingInSection_AddsItAtTheSectionsIndent()
    {
        var text = Write("{\n  \"Scale\": {\n    \"DataPin\": 5\n  }\n}\n", ("ZeroCounts", 8400));

        Assert.Equal("{\n  \"Scale\": {\n    \"ZeroCounts\": 8400,\n    \"DataPin\": 5\n  }\n}\n", text);
    }

    [Fact]
    public void Set_SectionMissing_AddsTheSection()
    {
        var text = Write("{\n  \"Station\": { \"Id\": \"line-2\" } // keep me\n}\n", ("CountsPerKilogram", 420_000), ("ZeroCounts", 8400));

        Assert.Contains("// keep me", text);
        Assert.Equal(420_000, Scale(text).GetProperty("CountsPerKilogram").GetDouble());
        Assert.Equal(8400, Scale(text).GetProperty("ZeroCounts").GetDouble());
        Assert.Equal("line-2", Parse(text).GetProperty("Station").GetProperty("Id").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("{ \"Scale\": {} }")]
    public void Set_EmptyFileOrObjectOrSection_WritesTheValue(string original)
    {
        Assert.Equal(8400, Scale(Write(original, ("ZeroCounts", 8400))).GetProperty("ZeroCounts").GetDouble());
    }

    [Fact]
    public void Set_KeyInAnotherCase_ReplacesItAsConfigurationWouldReadIt()
    {
        var text = Write("{ \"scale\": { \"zerocounts\": 1 } }", ("ZeroCounts", 8400));

        Assert.Equal("{ \"scale\": { \"zerocounts\": 8400 } }\n", text);
    }

    [Fact]
    public void Set_SameKeyInAnotherSection_LeavesThatOneAlone()
    {
        var text = Write("{ \"Gate\": { \"ZeroCounts\": 1 }, \"Scale\": { \"ZeroCounts\": 2 } }", ("ZeroCounts", 8400));

        Assert.Equal(1, Parse(text).GetProperty("Gate").GetProperty("ZeroCounts").GetDouble());
        Assert.Equal(8400, Scale(text).GetProperty("ZeroCounts").GetDouble());
    }

    [Fact]
    public void Set_InvalidJson_ThrowsWithTheFileAndLeavesItUnchanged()
    {
        var file = new FileInfo(Path.Combine(_folder, "broken.json"));
        File.WriteAllText(file.FullName, "{ \"Scale\": { \"ZeroCounts\": 1 ");

        var error = Assert.Throws<InvalidDataException>(() => ConfigFileWriter.Set(file, "Scale", new Dictionary<string, double> { ["ZeroCounts"] = 2 }));

        Assert.Contains(file.FullName, error.Message, StringComparison.Ordinal);
        Assert.Equal("{ \"Scale\": { \"ZeroCounts\": 1 ", File.ReadAllText(file.FullName));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Set_WatchedFile_ReplacedByRenameNotRewrittenInPlace()
    {
        var file = new FileInfo(Path.Combine(_folder, "sortstation.json"));
        File.WriteAllText(file.FullName, "{ \"Scale\": { \"ZeroCounts\": 1 } }");
        File.SetUnixFileMode(file.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        // A reader that opened the file before (the station's watcher) keeps the old file whole:
        // an in-place rewrite would show it the new text through the same handle, or half of it.
        using var before = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        ConfigFileWriter.Set(file, "Scale", new Dictionary<string, double> { ["ZeroCounts"] = 8400 });

        using (var reader = new StreamReader(before))
        {
            Assert.Equal("{ \"Scale\": { \"ZeroCounts\": 1 } }", reader.ReadToEnd());
        }

        Assert.Equal(8400, Scale(File.ReadAllText(file.FullName)).GetProperty("ZeroCounts").GetDouble());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.FullName));
        Assert.Equal([file.FullName], Directory.GetFiles(_folder)); // no temporary file left
    }

    [Fact]
    public void Set_SymbolicLink_StaysALinkAndItsTargetIsUpdated()
    {
        var real = Path.Combine(_folder, "real.json");
        File.WriteAllText(real, "{}");
        var link = new FileInfo(Path.Combine(_folder, "link.json"));
        File.CreateSymbolicLink(link.FullName, real);

        ConfigFileWriter.Set(link, "Scale", new Dictionary<string, double> { ["ZeroCounts"] = 8400 });

        Assert.Equal(real, new FileInfo(link.FullName).LinkTarget);
        Assert.Equal(8400, Scale(File.ReadAllText(real)).GetProperty("ZeroCounts").GetDouble());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static JsonElement Parse(string text) => JsonDocument.Parse(text, Lenient).RootElement.Clone();

    private static JsonElement Scale(string text) => Parse(text).GetProperty("Scale");

    private string Write(string original, params (string Key, double Value)[] values)
    {
        var file = new FileInfo(Path.Combine(_folder, $"{Guid.NewGuid():N}.json"));
        File.WriteAllText(file.FullName, original);
        ConfigFileWriter.Set(file, "Scale", values.ToDictionary(v => v.Key, v => v.Value));
        return File.ReadAllText(file.FullName);
    }
}
