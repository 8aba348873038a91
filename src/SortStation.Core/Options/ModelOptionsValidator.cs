using Microsoft.Extensions.Options;
using SortStation.Kernel.Options;

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
        var threadsValid = options.IntraOpThreads.IsAuto || options.IntraOpThreads.Value is >= 1 and <= 64;
        var workersValid = options.Workers.IsAuto || options.Workers.Value is >= 1 and <= MaxWorkers;
        if (!threadsValid)
        {
            errors.Add("Model:IntraOpThreads", options.IntraOpThreads, "must be auto or between 1 and 64.", "use auto (the table in bench/README.md for these cores), or the cores minus one, e.g. 3 on a Raspberry Pi 4.");
        }

        if (!workersValid)
        {
            errors.Add("Model:Workers", options.Workers, $"must be auto or between 1 and {MaxWorkers}.", "use auto, 1, or 2 with IntraOpThreads 1 on a two-core board.");
        }

        if (threadsValid && workersValid)
        {
            var (workers, threads) = ThreadDefaults.Resolve(options, processorCount);
            if (workers > 1 && workers * threads > processorCount)
            {
                // One session's spare threads only idle; several workers' threads spin at once and take cores from each other.
                errors.Add("Model:Workers", options.Workers, $"{workers} workers × Model:IntraOpThreads {threads} threads exceed the {processorCount} cores.", $"lower Model:IntraOpThreads to {Math.Max(1, processorCount / workers)} or Model:Workers to {Math.Max(1, processorCount / threads)}, or set both to auto.");
            }

            CheckAffinities(errors, options.IntraOpThreadAffinities, threads, processorCount);
        }

        if (!Enum.IsDefined(options.ExecutionMode))
        {
            errors.Add("Model:ExecutionMode", options.ExecutionMode, "is not an execution mode.", "use Sequential (one image at a time: the default) or Parallel.");
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

    /// <summary>
    /// ONNX Runtime's format: one entry per intra-op thread it starts (threads − 1: the caller is not pinned),
    /// entries split by ';', each a ','-list of logical processors numbered from 1 or a range 'a-b'.
    /// </summary>
    private static void CheckAffinities(ConfigErrors errors, string? affinities, int threads, int processorCount)
    {
        if (string.IsNullOrWhiteSpace(affinities))
        {
            return;
        }

        const string Key = "Model:IntraOpThreadAffinities";
        var entries = affinities.Split(';');
        if (entries.Length != threads - 1)
        {
            errors.Add(Key, affinities, $"lists {entries.Length} thread(s) but ONNX Runtime starts {threads - 1} with {threads} intra-op thread(s) (the calling thread is not pinned).", threads == 1 ? "remove the key: with 1 intra-op thread there is nothing to pin." : $"give {threads - 1} entries separated by ';', e.g. \"{string.Join(';', Enumerable.Range(2, threads - 1).Select(c => Math.Min(c, processorCount)))}\".");
            return;
        }

        foreach (var part in entries.SelectMany(e => e.Split(',')))
        {
            var bounds = part.Split('-');
            if (bounds.Length > 2 || bounds.Any(b => !int.TryParse(b, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var cpu) || cpu < 1 || cpu > processorCount)
                || (bounds.Length == 2 && int.Parse(bounds[0], System.Globalization.CultureInfo.InvariantCulture) > int.Parse(bounds[1], System.Globalization.CultureInfo.InvariantCulture)))
            {
                errors.Add(Key, affinities, $"'{part}' is not a logical processor between 1 and {processorCount} or a range of them.", "number processors from 1 (the first core is 1), separate processors by ',' or write a range 'a-b', threads by ';'; or remove the key.");
                return;
            }
        }
    }

    private static void CheckOptionalFile(ConfigErrors errors, string key, string? path)
    {
        if (path is not null && (AppPaths.Resolve(path) is not { } full || !File.Exists(full)))
        {
            errors.Add(key, path, "the file does not exist.", "fix the path or remove the key to use the default.");
        }
    }
}
