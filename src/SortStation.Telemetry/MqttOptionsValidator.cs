using Microsoft.Extensions.Options;
using SortStation.Core.Options;

namespace SortStation.Telemetry;

/// <summary>Rules of <see cref="MqttOptions"/>.</summary>
public sealed class MqttOptionsValidator : IValidateOptions<MqttOptions>
{
    public ValidateOptionsResult Validate(string? name, MqttOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ConfigErrors();
        if (!Uri.TryCreate(options.Broker, UriKind.Absolute, out var uri) || uri.Scheme is not ("mqtt" or "mqtts") || string.IsNullOrEmpty(uri.Host))
        {
            errors.Add("Mqtt:Broker", options.Broker, "is not a broker address.", "use mqtt://host:port, e.g. mqtt://localhost:1883 (mqtts:// for TLS).");
        }

        if (string.IsNullOrWhiteSpace(options.TopicPrefix) || options.TopicPrefix.IndexOfAny(['+', '#']) >= 0 || options.TopicPrefix.StartsWith('/') || options.TopicPrefix.EndsWith('/'))
        {
            errors.Add("Mqtt:TopicPrefix", options.TopicPrefix, "must be a topic level without wildcards or leading/trailing '/'.", "use sortstation.");
        }

        if (options.KeepAliveSeconds is < 1 or > 3600)
        {
            errors.Add("Mqtt:KeepAliveSeconds", options.KeepAliveSeconds, "must be 1–3600 s.", "use 15.");
        }

        if (!(options.ReconnectMinSeconds > 0) || options.ReconnectMaxSeconds < options.ReconnectMinSeconds)
        {
            errors.Add("Mqtt:ReconnectMinSeconds", options.ReconnectMinSeconds, $"must be above 0 and not above Mqtt:ReconnectMaxSeconds ({options.ReconnectMaxSeconds}).", "use 1 and 60.");
        }

        if (options.MaxInFlight is < 1 or > 65535)
        {
            errors.Add("Mqtt:MaxInFlight", options.MaxInFlight, "must be 1–65535.", "use 64.");
        }

        return errors.ToResult();
    }
}
