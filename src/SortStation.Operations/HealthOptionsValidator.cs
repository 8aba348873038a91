using Microsoft.Extensions.Options;
using SortStation.Kernel.Options;

namespace SortStation.Operations;

/// <summary>Rules of <see cref="HealthOptions"/>.</summary>
public sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ConfigErrors();
        if (options.Port is < 1024 or > 65535)
        {
            errors.Add("Health:Port", options.Port, "must be between 1024 and 65535 (the service has no capability to bind lower ports).", "use 9464 (the station) or 9465 (central).");
        }

        if (options.ItemStallSeconds is < 1 or > 3600)
        {
            errors.Add("Health:ItemStallSeconds", options.ItemStallSeconds, "must be between 1 and 3600.", "use 30: well above the slowest item (scale settle + inference), well below WatchdogSec.");
        }

        return errors.ToResult();
    }
}
