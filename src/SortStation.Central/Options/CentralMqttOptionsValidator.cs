using Microsoft.Extensions.Options;
using SortStation.Core.Options;

namespace SortStation.Central.Options;

/// <summary>Rules of <see cref="CentralMqttOptions"/>. Secrets are never echoed, only file and variable names.</summary>
public sealed class CentralMqttOptionsValidator : IValidateOptions<CentralMqttOptions>
{
    public ValidateOptionsResult Validate(string? name, CentralMqttOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ConfigErrors();
        var validUri = Uri.TryCreate(options.Broker, UriKind.Absolute, out var uri) && uri.Scheme is "mqtt" or "mqtts" && !string.IsNullOrEmpty(uri.Host);
        if (!validUri)
        {
            errors.Add("Mqtt:Broker", options.Broker, "is not a broker address.", "use mqtt://host:port, e.g. mqtt://localhost:1883 (mqtts:// for TLS).");
        }

        if (!IsLevel(options.TopicPrefix))
        {
            errors.Add("Mqtt:TopicPrefix", options.TopicPrefix, "must be a topic level without wildcards or '/'.", "use sortstation, as the stations do.");
        }

        if (!IsLevel(options.SharedGroup))
        {
            errors.Add("Mqtt:SharedGroup", options.SharedGroup, "must be a name without wildcards or '/'.", "use central.");
        }

        if (options.KeepAliveSeconds is < 1 or > 3600)
        {
            errors.Add("Mqtt:KeepAliveSeconds", options.KeepAliveSeconds, "must be 1–3600 s.", "use 15.");
        }

        if (options.SessionExpirySeconds < 60)
        {
            errors.Add("Mqtt:SessionExpirySeconds", options.SessionExpirySeconds, "must be at least 60 s, or weighings sent while central restarts are lost.", "use 604800 (a week).");
        }

        if (!(options.ReconnectMinSeconds > 0) || options.ReconnectMaxSeconds < options.ReconnectMinSeconds)
        {
            errors.Add("Mqtt:ReconnectMinSeconds", options.ReconnectMinSeconds, $"must be above 0 and not above Mqtt:ReconnectMaxSeconds ({options.ReconnectMaxSeconds}).", "use 1 and 60.");
        }

        if (options.ReceiveMaximum is < 1 or > 65535)
        {
            errors.Add("Mqtt:ReceiveMaximum", options.ReceiveMaximum, "must be 1–65535.", "use 1000.");
        }

        var hasFile = !string.IsNullOrWhiteSpace(options.PasswordFile);
        var hasVariable = !string.IsNullOrWhiteSpace(options.PasswordEnvironmentVariable);
        if (hasFile && hasVariable)
        {
            errors.Add("Mqtt:PasswordEnvironmentVariable", options.PasswordEnvironmentVariable, "is set together with Mqtt:PasswordFile.", "keep one password source.");
        }

        if ((hasFile || hasVariable) && string.IsNullOrWhiteSpace(options.Username))
        {
            errors.Add("Mqtt:Username", options.Username, "is empty but a password source is set.", "set the user name the broker knows.");
        }

        if (hasFile && !File.Exists(AppPaths.Resolve(options.PasswordFile)))
        {
            errors.Add("Mqtt:PasswordFile", options.PasswordFile, "does not exist.", "create it (one line, mode 0600) or fix the path.");
        }

        foreach (var (key, path) in new[] { ("Mqtt:CaFile", options.CaFile), ("Mqtt:ClientCertificateFile", options.ClientCertificateFile), ("Mqtt:ClientKeyFile", options.ClientKeyFile) })
        {
            if (!string.IsNullOrWhiteSpace(path) && !File.Exists(AppPaths.Resolve(path)))
            {
                errors.Add(key, path, "does not exist.", "give the path of the PEM file.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.ClientCertificateFile) != string.IsNullOrWhiteSpace(options.ClientKeyFile))
        {
            errors.Add("Mqtt:ClientKeyFile", options.ClientKeyFile, "and Mqtt:ClientCertificateFile must be set together.", "give both PEM files or neither.");
        }

        return errors.ToResult();
    }

    private static bool IsLevel(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.IndexOfAny(['+', '#', '/']) < 0;
}
