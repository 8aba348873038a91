using Microsoft.Extensions.Options;
using SortStation.Core.Options;
using SortStation.Kernel.Options;

namespace SortStation.Simulation;

/// <summary>Rules of <see cref="SimulationOptions"/>.</summary>
public sealed class SimulationOptionsValidator : IValidateOptions<SimulationOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ConfigErrors();
        if (!string.IsNullOrWhiteSpace(options.ImagesDirectory) && !Directory.Exists(AppPaths.Resolve(options.ImagesDirectory)))
        {
            errors.Add("Simulation:ImagesDirectory", options.ImagesDirectory, "the folder does not exist.", "point it at a folder of labelled photos (e.g. ../shared/data/trashnet) or leave it empty for the bundled samples/ photos.");
        }

        if (options.ItemIntervalMilliseconds is < 1 or > 60_000)
        {
            errors.Add("Simulation:ItemIntervalMilliseconds", options.ItemIntervalMilliseconds, "must be between 1 and 60000 ms.", "use e.g. 200 (five items per second).");
        }

        if (options.Items < 0)
        {
            errors.Add("Simulation:Items", options.Items, "cannot be negative.", "use 0 to run until stopped.");
        }

        if (options.FrameWidth is < 64 or > 4096 || options.FrameHeight is < 64 or > 4096)
        {
            errors.Add("Simulation:FrameWidth", $"{options.FrameWidth}x{options.FrameHeight}", "synthetic frames must be 64–4096 pixels each way.", "use 640x480.");
        }

        if (options.WeightSpread is < 0 or > 2)
        {
            errors.Add("Simulation:WeightSpread", options.WeightSpread, "must be between 0 and 2.", "use 0.25.");
        }

        if (!double.IsFinite(options.ScaleCountsPerKilogram) || Math.Abs(options.ScaleCountsPerKilogram) < 1)
        {
            errors.Add("Simulation:ScaleCountsPerKilogram", options.ScaleCountsPerKilogram, "must be a non-zero number of counts per kilogram.", "use 420000.");
        }

        if (options.JamAfterItems < 0)
        {
            errors.Add("Simulation:JamAfterItems", options.JamAfterItems, "cannot be negative.", "use 0 for no simulated jam, or e.g. 20 to block the photo-eye after the 20th item.");
        }

        if (options.JamHoldSeconds is < 1 or > 3600)
        {
            errors.Add("Simulation:JamHoldSeconds", options.JamHoldSeconds, "must be 1–3600 s.", "use 10, longer than Trigger:JamSeconds so the jam is seen.");
        }

        return errors.ToResult();
    }
}
