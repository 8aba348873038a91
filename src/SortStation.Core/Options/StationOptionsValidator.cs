using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SortStation.Kernel.Options;

namespace SortStation.Core.Options;

/// <summary>Rules of <see cref="StationOptions"/>.</summary>
public sealed partial class StationOptionsValidator : IValidateOptions<StationOptions>
{
    public ValidateOptionsResult Validate(string? name, StationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ConfigErrors();
        if (string.IsNullOrEmpty(options.Id) || !IdPattern().IsMatch(options.Id))
        {
            errors.Add("Station:Id", options.Id, "must be 1–64 letters, digits, '-' or '_' (it becomes part of MQTT topics).", "use a name like station-01.");
        }

        if (!Enum.IsDefined(options.Hardware))
        {
            errors.Add("Station:Hardware", options.Hardware, "is not a known hardware mode.", $"use one of: {string.Join(", ", Enum.GetNames<HardwareMode>())}.");
        }

        return errors.ToResult();
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();
}
