using System.Text.Json;
using SortStation.Core.Options;

namespace SortStation.Vision;

/// <summary>
/// Finds and reads a model's metadata: <c>Model:MetadataPath</c>, else metadata.json beside the .onnx.
/// A bare classifier with only a labels file still drops in: name from the file, ImageNet mean/std.
/// </summary>
public static class ModelMetadataLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public static ModelMetadata Load(ModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var modelPath = AppPaths.Resolve(options.Path) ?? throw new InvalidOperationException("Model:Path is not set.");
        var directory = Path.GetDirectoryName(modelPath) ?? ".";
        var metadataPath = AppPaths.Resolve(options.MetadataPath) ?? Path.Combine(directory, "metadata.json");

        var metadata = File.Exists(metadataPath)
            ? JsonSerializer.Deserialize<ModelMetadata>(File.ReadAllText(metadataPath), Json)
              ?? throw new InvalidDataException($"{metadataPath} is empty.")
            : new ModelMetadata { Name = Path.GetFileNameWithoutExtension(modelPath) };

        var labelsPath = AppPaths.Resolve(options.LabelsPath) ?? Path.Combine(directory, "labels.txt");
        if (options.LabelsPath is not null || (metadata.Labels.Count == 0 && File.Exists(labelsPath)))
        {
            metadata = metadata with { Labels = ReadLabels(labelsPath) };
        }

        Check(metadata, metadataPath);
        return metadata;
    }

    public static IReadOnlyList<string> ReadLabels(string path) =>
        File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

    private static void Check(ModelMetadata m, string source)
    {
        if (m.Labels.Count == 0)
        {
            throw new InvalidDataException($"No labels for the model: add \"labels\" to {source} or a labels.txt beside the model (Model:LabelsPath).");
        }

        if (m.Mean.Count != 3 || m.Std.Count != 3 || m.Std.Any(s => s <= 0))
        {
            throw new InvalidDataException($"{source}: mean and std need three values each and std must be positive.");
        }

        if (!double.IsFinite(m.Temperature) || m.Temperature is <= 0 or > 100)
        {
            throw new InvalidDataException($"{source}: temperature {m.Temperature} is not usable; it must be a positive number (1 = plain softmax; the model card gives the fitted value).");
        }

        if (m.Temperature != 1.0 && !m.OutputsLogits)
        {
            throw new InvalidDataException($"{source}: temperature {m.Temperature} is set but the model outputs probabilities; a temperature scales logits only (set \"output\": \"logits\" or remove it).");
        }

        if (m.InputWidth < 8 || m.InputHeight < 8 || m.CropFraction is <= 0 or > 1)
        {
            throw new InvalidDataException($"{source}: input size {m.InputWidth}x{m.InputHeight} or cropFraction {m.CropFraction} is not usable.");
        }
    }
}
