namespace SortStation.Mqtt;

/// <summary>
/// The part of section <c>Mqtt</c> that station and central share: where the broker is, how long it keeps
/// the session, reconnect back-off, credentials and TLS. Each host's own options add what only it needs.
/// </summary>
public abstract class MqttConnectionOptions
{
    public const string Section = "Mqtt";

    /// <summary><c>mqtt://host:port</c>, or <c>mqtts://host:port</c> for TLS.</summary>
    public string Broker { get; set; } = "mqtt://localhost:1883";

    /// <summary>First level of every topic; station and central must agree.</summary>
    public string TopicPrefix { get; set; } = "sortstation";

    public int KeepAliveSeconds { get; set; } = 15;

    /// <summary>How long the broker keeps the session (subscriptions, unacknowledged QoS 1 messages) after a disconnect.</summary>
    public int SessionExpirySeconds { get; set; } = 7 * 24 * 3600;

    /// <summary>Reconnect back-off starts here and doubles (with jitter) up to <see cref="ReconnectMaxSeconds"/>.</summary>
    public double ReconnectMinSeconds { get; set; } = 1;

    public double ReconnectMaxSeconds { get; set; } = 60;

    /// <summary>User name; empty connects anonymously.</summary>
    public string? Username { get; set; }

    /// <summary>File whose first line is the password (mode 0600, owned by the service user).</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Environment variable that holds the password (e.g. from systemd's LoadCredential or EnvironmentFile).</summary>
    public string? PasswordEnvironmentVariable { get; set; }

    /// <summary>PEM CA certificate the broker's certificate must chain to; empty uses the system trust store.</summary>
    public string? CaFile { get; set; }

    /// <summary>PEM client certificate, for brokers that require one (with <see cref="ClientKeyFile"/>).</summary>
    public string? ClientCertificateFile { get; set; }

    /// <summary>PEM private key of <see cref="ClientCertificateFile"/> (unencrypted).</summary>
    public string? ClientKeyFile { get; set; }

    public Uri BrokerUri => new(Broker);

    public bool UseTls => BrokerUri.Scheme == "mqtts";
}
