using System.Text.Json.Nodes;

namespace SortStation.Tests.Support;

/// <summary>--config file contents for <see cref="RunningStation"/>: the keys the reload tests change.</summary>
public static class StationConfig
{
    public static JsonObject With(decimal pricePerKg = 1000, double minConfidence = 0, string? modelPath = null, string logLevel = "Information")
    {
        var config = new JsonObject
        {
            ["Pricing"] = new JsonObject
            {
                ["PerKg"] = new JsonObject
                {
                    ["cardboard"] = pricePerKg, ["paper"] = pricePerKg, ["glass"] = pricePerKg,
                    ["metal"] = pricePerKg, ["plastic"] = pricePerKg, ["trash"] = pricePerKg,
                },
            },
            ["Sorting"] = new JsonObject { ["MinConfidence"] = minConfidence },
            ["Serilog"] = new JsonObject { ["MinimumLevel"] = new JsonObject { ["Default"] = logLevel } },
        };
        if (modelPath is not null)
        {
            config["Model"] = new JsonObject { ["Path"] = modelPath };
        }

        return config;
    }

    /// <summary>A private copy of the shipped model folder, optionally with another version in its metadata.</summary>
    public static string CopyModel(string folder, string name, string? version = null)
    {
        var target = Directory.CreateDirectory(Path.Combine(folder, name)).FullName;
        foreach (var file in Directory.GetFiles(RepoPaths.ShippedModelFolder))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        if (version is not null)
        {
            var metadataFile = Path.Combine(target, "metadata.json");
            var metadata = JsonNode.Parse(File.ReadAllText(metadataFile))!.AsObject();
            metadata["version"] = version;
            File.WriteAllText(metadataFile, metadata.ToJsonString());
        }

        return Path.Combine(target, "model.onnx");
    }
}
