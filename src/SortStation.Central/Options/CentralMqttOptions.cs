namespace SortStation.Central.Options;

/// <summary>Section <c>Mqtt</c>: the broker central subscribes to (same connection settings as the station's).</summary>
public sealed class CentralMqttOptions
{
    public const string Section = "Mqtt";

    /// <summary><c>mqtt://host:port</c>, or <c>mqtts://host:port</c> for TLS.</summary>
    public string Broker { get; set; } = "mqtt://localhost:1883";

    /// <summary>Shared-subscription group: instances with the same group split the weighings between them.</summary>
    public string SharedGroup { get; set; } = "central";

    /// <summary>First level of every topic.</summary>
    public string TopicPrefix { get; set; } = "sortstation";

    public int KeepAliveSeconds { get; set; } = 15;

    /// <summary>How long the broker keeps the session (subscription, unacknowledged weighings) while central is down.</summary>
    public int SessionExpirySeconds { get; set; } = 7 * 24 * 3600;

    public double ReconnectMinSeconds { get; set; } = 1;

    public double ReconnectMaxSeconds { get; set; } = 60;

    /// <summary>Unacknowledged weighings the broker may send at once (MQTT v5 receive maximum); also the largest insert batch.</summary>
    public int ReceiveMaximum { get; set; } = 1000;

    public string? Username { get; set; }

    /// <summary>File whose first line is the password (mode 0600).</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Environment variable that holds the password.</summary>
    public string? PasswordEnvironmentVariable { get; set; }

    /// <summary>PEM CA certificate the broker's certificate must chain to; empty uses the system trust store.</summary>
    public string? CaFile { get; set; }

    public string? ClientCertificateFile { get; set; }

    public string? ClientKeyFile { get; set; }

    public Uri BrokerUri => new(Broker);

    public bool UseTls => BrokerUri.Scheme == "mqtts";
}
