using Microsoft.Extensions.Options;
using SortStation.Core.Options;
using SortStation.Hardware.Pins;
using SortStation.Kernel.Options;

namespace SortStation.Hardware.Options;

/// <summary>Rules of <see cref="EStopOptions"/>.</summary>
public sealed class EStopOptionsValidator : IValidateOptions<EStopOptions>
{
    public ValidateOptionsResult Validate(string? name, EStopOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ConfigErrors();
        if (options.Enabled)
        {
            BoardPins.Check(errors, $"{EStopOptions.Section}:Pin", options.Pin);
        }

        if (options.ReleaseMilliseconds is < 0 or > 10_000)
        {
            errors.Add($"{EStopOptions.Section}:ReleaseMilliseconds", options.ReleaseMilliseconds, "must be 0–10000 ms.", "use 500.");
        }

        return errors.ToResult();
    }
}
