using Microsoft.Extensions.Options;
using SortStation.Kernel.Options;
using SortStation.Mqtt;

namespace SortStation.Central.Options;

/// <summary>Rules of <see cref="CentralMqttOptions"/>: the shared connection rules, then central's own.</summary>
public sealed class CentralMqttOptionsValidator : IValidateOptions<CentralMqttOptions>
{
    public ValidateOptionsResult Validate(string? name, CentralMqttOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ConfigErrors();
        MqttConnectionRules.Validate(options, errors, "weighings sent while central restarts are lost");
        // Empty: a plain subscription (one instance, or a broker without shared subscriptions).
        if (!string.IsNullOrEmpty(options.SharedGroup) && (string.IsNullOrWhiteSpace(options.SharedGroup) || options.SharedGroup.IndexOfAny(['+', '#', '/']) >= 0))
        {
            errors.Add("Mqtt:SharedGroup", options.SharedGroup, "must be a name without wildcards or '/', or empty for one instance without a shared subscription.", "use central.");
        }

        if (options.ReceiveMaximum is < 1 or > 65535)
        {
            errors.Add("Mqtt:ReceiveMaximum", options.ReceiveMaximum, "must be 1–65535.", "use 1000.");
        }

        return errors.ToResult();
    }
}
