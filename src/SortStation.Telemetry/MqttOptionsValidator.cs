using Microsoft.Extensions.Options;
using SortStation.Core.Options;
using SortStation.Kernel.Options;
using SortStation.Mqtt;

namespace SortStation.Telemetry;

/// <summary>Rules of <see cref="MqttOptions"/>: the shared connection rules, then the station's own.</summary>
public sealed class MqttOptionsValidator : IValidateOptions<MqttOptions>
{
    public ValidateOptionsResult Validate(string? name, MqttOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ConfigErrors();
        MqttConnectionRules.Validate(options, errors, "the persistent session is gone after a short outage");
        if (options.MaxInFlight is < 1 or > 65535)
        {
            errors.Add("Mqtt:MaxInFlight", options.MaxInFlight, "must be 1–65535.", "use 64.");
        }

        if (options.HealthIntervalSeconds is < 1 or > 86400)
        {
            errors.Add("Mqtt:HealthIntervalSeconds", options.HealthIntervalSeconds, "must be 1–86400 s.", "use 30.");
        }

        return errors.ToResult();
    }
}
