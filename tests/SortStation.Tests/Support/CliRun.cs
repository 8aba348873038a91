using System.CommandLine;
using SortStation.Commands;

namespace SortStation.Tests.Support;

/// <summary>Runs a sortstation command in-process against a temporary config file and captures its output.</summary>
public sealed class CliRun : IDisposable
{
    public CliRun(string extraJson = "")
    {
        Directory.CreateDirectory(Folder);
        var model = Path.Combine(Folder, "model.onnx");
        File.WriteAllText(model, "not loaded by the technician's commands");
        ConfigFile = Path.Combine(Folder, "station.json");
        var comma = extraJson.Length > 0 ? "," : string.Empty;
        File.WriteAllText(ConfigFile, $$"""{ "Model": { "Path": "{{model}}" }{{comma}} {{extraJson}} }""");
    }

    /// <summary>Puts the shipped model in place of the placeholder: check-config loads it and runs a sample frame.</summary>
    public CliRun WithShippedModel()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "models", "mobilenetv2-trashnet")))
        {
            File.Copy(file, Path.Combine(Folder, Path.GetFileName(file)), overwrite: true);
        }

        return this;
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"sortstation-cli-{Guid.NewGuid():N}");

    public string ConfigFile { get; }

    public string Output { get; private set; } = string.Empty;

    public string Error { get; private set; } = string.Empty;

    public async Task<int> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await StationCli.Create().Parse([.. args, "--config", ConfigFile]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        (Output, Error) = (output.ToString(), error.ToString());
        return exit;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
