using Microsoft.Extensions.Options;

namespace SortStation.Core.Options;

/// <summary>Rules of <see cref="ModelOptions"/>: the files must exist before anything starts.</summary>
public sealed class ModelOptionsValidator(int processorCount) : IValidateOptions<ModelOptions>
{
    public const int MaxWorkers = 16;

    /// <summary>500 MP: 1.5 GB decoded, still one .NET array (a frame is width x height x 3 bytes).</summary>
    public const long MaxImagePixelsCeiling = 500_000_000;

    public ModelOptionsValidator()
        : this(Environment.ProcessorCount)
    {
    }

    public ValidateOptionsResult Validate(string? name, ModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ConfigErrors();
        if (string.IsNullOrWhiteSpace(options.Path) || AppPaths.Resolve(options.Path) is not { } model || !File.Exists(model))
        {
            errors.Add("Model:Path", options.Path, "the model file does not exist.", $"point it at an .onnx file (relative paths are tried in {Environment.CurrentDirectory} and {AppContext.BaseDirectory}); the shipped model is models/mobilenetv2-trashnet/model.onnx.");
        }

        CheckOptionalFile(errors, "Model:MetadataPath", options.MetadataPath);
        CheckOptionalFile(errors, "Model:LabelsPath", options.LabelsPath);
        if (options.IntraOpThreads is < 1 or > 64)
        {
            errors.Add("Model:IntraOpThreads", options.IntraOpThreads, "must be between 1 and 64.", "use the number of cores minus one, e.g. 3 on a Raspberry Pi 4.");
        }

        if (options.Workers is < 1 or > MaxWorkers)
        {
            errors.Add("Model:Workers", options.Workers, $"must be between 1 and {MaxWorkers}.", "use 1, or 2 with IntraOpThreads 1 on a two-core board.");
        }
        else if (options.Workers > 1 && options.Workers * options.IntraOpThreads > processorCount)
        {
            // One session's spare threads only idle; several workers' threads spin at once and take cores from each other.
            errors.Add("Model:Workers", options.Workers, $"{options.Workers} workers × Model:IntraOpThreads {options.IntraOpThreads} threads exceed the {processorCount} cores.", $"lower Model:IntraOpThreads to {Math.Max(1, processorCount / options.Workers)} or Model:Workers to {Math.Max(1, processorCount / options.IntraOpThreads)}.");
        }

        if (options.MaxImagePixels is < 10_000 or > MaxImagePixelsCeiling)
        {
            errors.Add("Model:MaxImagePixels", options.MaxImagePixels, $"must be between 10 000 and {MaxImagePixelsCeiling:N0} pixels.", "use 50000000 (50 MP, about 150 MB decoded), or less on a board with little memory.");
        }

        if (options.TopK is < 1 or > 10)
        {
            errors.Add("Model:TopK", options.TopK, "must be between 1 and 10.", "use 3.");
        }

        return errors.ToResult();
    }

    private static void CheckOptionalFile(ConfigErrors errors, string key, string? path)
    {
        if (path is not null && (AppPaths.Resolve(path) is not { } full || !File.Exists(full)))
        {
            errors.Add(key, path, "the file does not exist.", "fix the path or remove the key to use the default.");
        }
    }
}
