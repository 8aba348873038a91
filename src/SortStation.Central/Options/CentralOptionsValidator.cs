using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SortStation.Kernel.Options;

namespace SortStation.Central.Options;

/// <summary>Rules of <see cref="CentralOptions"/>.</summary>
public sealed partial class CentralOptionsValidator : IValidateOptions<CentralOptions>
{
    public ValidateOptionsResult Validate(string? name, CentralOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ConfigErrors();
        if (string.IsNullOrEmpty(options.InstanceId) || !IdPattern().IsMatch(options.InstanceId))
        {
            errors.Add("Central:InstanceId", options.InstanceId, "must be 1–64 letters, digits, '-' or '_' (it is the MQTT client id).", "use a name like central-01, different on every instance.");
        }

        if (options.MaxRecordAgeDays is < 1 or > 3660)
        {
            errors.Add("Central:MaxRecordAgeDays", options.MaxRecordAgeDays, "must be 1–3660 days.", "use 30 (a station's outbox rarely holds older weighings).");
        }

        if (options.MaxClockAheadSeconds is < 1 or > 86400)
        {
            errors.Add("Central:MaxClockAheadSeconds", options.MaxClockAheadSeconds, "must be 1–86400 s.", "use 60 and keep the stations' clocks synchronised (NTP).");
        }

        return errors.ToResult();
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();
}
