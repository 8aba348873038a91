namespace SortStation.Telemetry;

/// <summary>Section <c>Mqtt</c>: the broker the station publishes to.</summary>
public sealed class MqttOptions
{
    public const string Section = "Mqtt";

    /// <summary><c>mqtt://host:port</c>, or <c>mqtts://host:port</c> for TLS. The demo starts its own broker and overrides this.</summary>
    public string Broker { get; set; } = "mqtt://localhost:1883";

    /// <summary>MQTT client id; empty uses the station id. Must be unique per broker for the persistent session.</summary>
    public string? ClientId { get; set; }

    /// <summary>First level of every topic.</summary>
    public string TopicPrefix { get; set; } = "sortstation";

    public int KeepAliveSeconds { get; set; } = 15;

    /// <summary>How long the broker keeps the session (subscriptions, in-flight QoS 1) after a disconnect.</summary>
    public int SessionExpirySeconds { get; set; } = 7 * 24 * 3600;

    /// <summary>Reconnect back-off starts here and doubles (with jitter) up to <see cref="ReconnectMaxSeconds"/>.</summary>
    public double ReconnectMinSeconds { get; set; } = 1;

    public double ReconnectMaxSeconds { get; set; } = 60;

    /// <summary>QoS 1 publishes in flight at once; the broker's max_inflight_messages should allow as many.</summary>
    public int MaxInFlight { get; set; } = 64;

    /// <summary>Seconds between retained health messages.</summary>
    public int HealthIntervalSeconds { get; set; } = 30;

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
