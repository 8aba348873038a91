using System.Text.Json;
using SortStation.Core.Options;
using SortStation.Kernel.Options;

namespace SortStation.Vision;

/// <summary>
/// Finds and reads a model's metadata: <c>Model:MetadataPath</c>, else metadata.json beside the .onnx, and
/// its labels file (<c>Model:LabelsPath</c>, else labels.txt beside it). Where both list labels they must be
/// the same list in the same order. A bare classifier with only a labels file still drops in: name from
/// the file, ImageNet mean/std.
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
        if (options.LabelsPath is not null || File.Exists(labelsPath))
        {
            var fileLabels = ReadLabels(labelsPath);
            if (metadata.Labels.Count == 0)
            {
                metadata = metadata with { Labels = fileLabels };
            }
            else
            {
                CheckAgree(metadata.Labels, metadataPath, fileLabels, labelsPath);
            }
        }

        Check(metadata, metadataPath);
        return metadata;
    }

    /// <summary>
    /// The labels name the network's outputs by position: two lists that differ, even only in order, would
    /// record every item under another label (a glass photo as cardboard) without any error.
    /// </summary>
    private static void CheckAgree(IReadOnlyList<string> metadataLabels, string metadataPath, IReadOnlyList<string> fileLabels, string labelsPath)
    {
        if (metadataLabels.SequenceEqual(fileLabels, StringComparer.Ordinal))
        {
            return;
        }

        var at = Enumerable.Range(0, Math.Min(metadataLabels.Count, fileLabels.Count)).FirstOrDefault(i => metadataLabels[i] != fileLabels[i], -1);
        var difference = at >= 0
            ? $"output {at} is '{metadataLabels[at]}' in one and '{fileLabels[at]}' in the other"
            : $"one lists {metadataLabels.Count} labels, the other {fileLabels.Count}";
        throw new InvalidDataException(
            $"The model's two label lists differ: {metadataPath} has [{string.Join(", ", metadataLabels)}], {labelsPath} has [{string.Join(", ", fileLabels)}]; {difference}. "
            + "Labels name the network's outputs by position, so the model is refused. Fix: make both lists the network's output order (the training script writes both), or remove one of them.");
    }

    /// <summary>The files that make the model's outputs what they are, in the order <see cref="ModelHash"/> reads them: the network, then metadata.json and labels.txt where they exist.</summary>
    public static IReadOnlyList<string> Files(ModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var modelPath = AppPaths.Resolve(options.Path) ?? throw new InvalidOperationException("Model:Path is not set.");
        var directory = Path.GetDirectoryName(modelPath) ?? ".";
        var metadataPath = AppPaths.Resolve(options.MetadataPath) ?? Path.Combine(directory, "metadata.json");
        var labelsPath = AppPaths.Resolve(options.LabelsPath) ?? Path.Combine(directory, "labels.txt");
        return [modelPath, .. new[] { metadataPath, labelsPath }.Where(File.Exists)];
    }

    public static IReadOnlyList<string> ReadLabels(string path) =>
        File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

    private static void Check(ModelMetadata m, string source)
    {
        if (m.Labels.Count == 0)
        {
            throw new InvalidDataException($"No labels for the model: add \"labels\" to {source} or a labels.txt beside the model (Model:LabelsPath).");
        }

        if (m.Labels.GroupBy(l => l, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidDataException($"{source}: label '{twice.Key}' names two outputs; routes and prices could not tell them apart.");
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
