using SortStation.Kernel.Options;

namespace SortStation.Mqtt;

/// <summary>
/// Rules of <see cref="MqttConnectionOptions"/>, shared by the station's and central's validators.
/// Secrets are never echoed: only file and variable names are.
/// </summary>
public static class MqttConnectionRules
{
    /// <param name="options">The section to check.</param>
    /// <param name="errors">Where failures are added.</param>
    /// <param name="sessionLoss">What a too short session expiry loses, for the message.</param>
    public static void Validate(MqttConnectionOptions options, ConfigErrors errors, string sessionLoss)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        var validUri = Uri.TryCreate(options.Broker, UriKind.Absolute, out var uri) && uri.Scheme is "mqtt" or "mqtts" && !string.IsNullOrEmpty(uri.Host);
        if (!validUri)
        {
            errors.Add("Mqtt:Broker", options.Broker, "is not a broker address.", "use mqtt://host:port, e.g. mqtt://localhost:1883 (mqtts:// for TLS).");
        }

        if (string.IsNullOrWhiteSpace(options.TopicPrefix) || options.TopicPrefix.IndexOfAny(['+', '#']) >= 0 || options.TopicPrefix.StartsWith('/') || options.TopicPrefix.EndsWith('/'))
        {
            errors.Add("Mqtt:TopicPrefix", options.TopicPrefix, "must be a topic level without wildcards or leading/trailing '/'.", "use sortstation, on stations and central alike.");
        }

        if (options.KeepAliveSeconds is < 1 or > 3600)
        {
            errors.Add("Mqtt:KeepAliveSeconds", options.KeepAliveSeconds, "must be 1–3600 s.", "use 15.");
        }

        if (options.SessionExpirySeconds < 60)
        {
            errors.Add("Mqtt:SessionExpirySeconds", options.SessionExpirySeconds, $"must be at least 60 s, or {sessionLoss}.", "use 604800 (a week).");
        }

        if (!(options.ReconnectMinSeconds > 0) || options.ReconnectMaxSeconds < options.ReconnectMinSeconds)
        {
            errors.Add("Mqtt:ReconnectMinSeconds", options.ReconnectMinSeconds, $"must be above 0 and not above Mqtt:ReconnectMaxSeconds ({options.ReconnectMaxSeconds}).", "use 1 and 60.");
        }

        ValidateCredentials(options, errors);
        ValidateTls(options, validUri && uri!.Scheme == "mqtts", errors);
    }

    private static void ValidateCredentials(MqttConnectionOptions options, ConfigErrors errors)
    {
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
        else if (hasFile)
        {
            SecretFile.Check(errors, "Mqtt:PasswordFile", options.PasswordFile, AppPaths.Resolve(options.PasswordFile));
        }

        if (hasVariable && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(options.PasswordEnvironmentVariable!)))
        {
            errors.Add("Mqtt:PasswordEnvironmentVariable", options.PasswordEnvironmentVariable, "names a variable that is not set.", "export it in the service's environment.");
        }
    }

    private static void ValidateTls(MqttConnectionOptions options, bool tls, ConfigErrors errors)
    {
        var files = new[] { ("Mqtt:CaFile", options.CaFile), ("Mqtt:ClientCertificateFile", options.ClientCertificateFile), ("Mqtt:ClientKeyFile", options.ClientKeyFile) };
        foreach (var (key, path) in files.Where(f => !string.IsNullOrWhiteSpace(f.Item2)))
        {
            if (!File.Exists(AppPaths.Resolve(path)))
            {
                errors.Add(key, path, "does not exist.", "give the path of the PEM file.");
            }
            else if (!tls)
            {
                errors.Add(key, path, "is set but Mqtt:Broker is not mqtts://, so it would be ignored.", "use mqtts://host:8883.");
            }
        }

        SecretFile.Check(errors, "Mqtt:ClientKeyFile", options.ClientKeyFile, AppPaths.Resolve(options.ClientKeyFile));

        if (string.IsNullOrWhiteSpace(options.ClientCertificateFile) != string.IsNullOrWhiteSpace(options.ClientKeyFile))
        {
            errors.Add("Mqtt:ClientKeyFile", options.ClientKeyFile, "and Mqtt:ClientCertificateFile must be set together.", "give both PEM files or neither.");
        }
    }
}
