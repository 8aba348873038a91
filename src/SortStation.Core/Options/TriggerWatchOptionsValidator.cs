using Microsoft.Extensions.Options;
using SortStation.Kernel.Options;

namespace SortStation.Core.Options;

/// <summary>Rules of <see cref="TriggerWatchOptions"/> (checked in every hardware mode).</summary>
public sealed class TriggerWatchOptionsValidator : IValidateOptions<TriggerWatchOptions>
{
    private const string S = TriggerWatchOptions.Section;

    public ValidateOptionsResult Validate(string? name, TriggerWatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ConfigErrors();
        if (options.JamSeconds is < 1 or > 600)
        {
            errors.Add($"{S}:JamSeconds", options.JamSeconds, "must be 1–600 s: an item passing blocks the photo-eye for well under a second.", "use 5, longer than the longest item takes to pass the sensor.");
        }

        if (options.IdleSeconds is < 10 or > 86_400)
        {
            errors.Add($"{S}:IdleSeconds", options.IdleSeconds, "must be 10–86400 s.", "use 300 (five minutes without an item is reported as idle).");
        }

        return errors.ToResult();
    }
}
