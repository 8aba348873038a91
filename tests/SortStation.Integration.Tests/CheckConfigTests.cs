using System.Text.Json.Nodes;
using SortStation.Integration.Tests.Support;

namespace SortStation.Integration.Tests;

/// <summary>
/// <c>check-config</c> says OK only to a configuration that then starts: it loads the model as <c>run</c>
/// does and probes the files the station writes. Each fault is exit 2 with the key and its fix.
/// </summary>
public sealed class CheckConfigTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("sortstation-check-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task CheckConfig_ShippedConfiguration_LoadsAndRunsTheModel()
    {
        var (exit, stdout, stderr) = await StationProcess.RunAsync(["check-config"]);

        Assert.True(exit == 0, stderr);
        Assert.Contains("Model mobilenetv2-trashnet@", stdout, StringComparison.Ordinal);
        Assert.Contains("input 1x3x224x224, 6 labels", stdout, StringComparison.Ordinal);
        Assert.Contains($"(auto on {Environment.ProcessorCount} cores)", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Warning:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_TruncatedModel_ExitCode2NamingModelPath()
    {
        var model = CopyModel();
        var bytes = await File.ReadAllBytesAsync(model);
        await File.WriteAllBytesAsync(model, bytes[..(bytes.Length / 3)]);

        var (exit, _, stderr) = await CheckConfig($$"""{ "Model": { "Path": "{{model}}" } }""");

        Assert.Equal(2, exit);
        Assert.Contains($"Model:Path = \"{model}\": the model cannot be used: {model} is not a model ONNX Runtime can load", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_MetadataInputSizeNotTheModels_ExitCode2WithBothShapes()
    {
        var model = CopyModel(m => m["inputWidth"] = 300);

        var (exit, _, stderr) = await CheckConfig($$"""{ "Model": { "Path": "{{model}}" } }""");

        Assert.Equal(2, exit);
        Assert.Contains("has shape [-1,3,224,224]; the metadata says NCHW 1x3x224x300", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_FewerLabelsThanOutputs_ExitCode2()
    {
        var model = CopyModel(m => m["labels"] = new JsonArray("cardboard", "glass", "metal", "paper", "plastic"));
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(model)!, "labels.txt"), "cardboard\nglass\nmetal\npaper\nplastic\n");

        var (exit, _, stderr) = await CheckConfig($$"""{ "Model": { "Path": "{{model}}" } }""");

        Assert.Equal(2, exit);
        Assert.Contains("has 6 classes but 5 labels are configured", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MetadataLabelsPermuted_ExitCode2BeforeStarting()
    {
        var model = CopyModel(m => m["labels"] = new JsonArray("glass", "cardboard", "metal", "paper", "plastic", "trash"));
        var config = Path.Combine(_dir.FullName, "run.json");
        File.WriteAllText(config, $$"""{ "Model": { "Path": "{{model}}" } }""");

        var (exit, _, stderr) = await StationProcess.RunAsync(["run", "--config", config], timeout: TimeSpan.FromSeconds(60));

        Assert.Equal(2, exit);
        Assert.Contains("The model's two label lists differ", stderr, StringComparison.Ordinal);
        Assert.Contains("output 0 is 'glass' in one and 'cardboard' in the other", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_LogDirectoryCannotBeCreated_ExitCode2NamingTheSinkKey()
    {
        var blocker = Path.Combine(_dir.FullName, "not-a-directory");
        File.WriteAllText(blocker, "a file where the log directory should be");
        var log = Path.Combine(blocker, "logs", "station-.log");

        var (exit, _, stderr) = await CheckConfig($$"""{ "Serilog": { "WriteTo": { "1": { "Args": { "path": "{{log}}" } } } } }""");

        Assert.Equal(2, exit);
        Assert.Contains($"Serilog:WriteTo:1:Args:path = \"{log}\": the log file cannot be written", stderr, StringComparison.Ordinal);
        Assert.Contains($"{blocker} is a file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_PriceForALabelTheModelLacks_WarnsWithSuggestionExitCode0()
    {
        var (exit, stdout, stderr) = await CheckConfig("""{ "Pricing": { "PerKg": { "platic": 3500 } } }""");

        Assert.True(exit == 0, stderr);
        Assert.Contains("Warning: Pricing:PerKg:platic = 3500: model mobilenetv2-trashnet@", stdout, StringComparison.Ordinal);
        Assert.Contains("did you mean plastic?", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_StrictLabelsAndARouteForNoLabel_ExitCode2()
    {
        var (exit, _, stderr) = await CheckConfig("""{ "Sorting": { "StrictLabels": true, "Routes": { "battery": "residual" } } }""");

        Assert.Equal(2, exit);
        Assert.Contains("Sorting:Routes:battery = \"residual\": model mobilenetv2-trashnet@", stderr, StringComparison.Ordinal);
        Assert.Contains("Sorting:StrictLabels = true", stderr, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> CheckConfig(string json)
    {
        var config = Path.Combine(_dir.FullName, $"{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(config, json);
        return await StationProcess.RunAsync(["check-config", "--config", config]);
    }

    /// <summary>A private copy of the shipped model folder, its metadata.json edited by <paramref name="edit"/>.</summary>
    private string CopyModel(Action<JsonObject>? edit = null)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir.FullName, $"model-{Guid.NewGuid():N}")).FullName;
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(RepoPaths.ShippedModel)!))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        if (edit is not null)
        {
            var metadataFile = Path.Combine(folder, "metadata.json");
            var metadata = JsonNode.Parse(File.ReadAllText(metadataFile))!.AsObject();
            edit(metadata);
            File.WriteAllText(metadataFile, metadata.ToJsonString());
        }

        return Path.Combine(folder, "model.onnx");
    }
}
