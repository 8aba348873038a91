namespace SortStation.Telemetry;

/// <summary>Section <c>Mqtt</c>: the broker the station publishes to.</summary>
public sealed class MqttOptions
{
    public const string Section = "Mqtt";

    /// <summary><c>mqtt://host:port</c>. The demo starts its own broker and overrides this.</summary>
    public string Broker { get; set; } = "mqtt://localhost:1883";

    /// <summary>MQTT client id; empty uses the station id. Must be unique per broker for the persistent session.</summary>
    public string? ClientId { get; set; }

    /// <summary>First level of every topic.</summary>
    public string TopicPrefix { get; set; } = "sortstation";

    public int KeepAliveSeconds { get; set; } = 15;

    /// <summary>Reconnect back-off starts here and doubles (with jitter) up to <see cref="ReconnectMaxSeconds"/>.</summary>
    public double ReconnectMinSeconds { get; set; } = 1;

    public double ReconnectMaxSeconds { get; set; } = 60;

    /// <summary>Records published per round trip; more in flight hides broker latency.</summary>
    public int MaxInFlight { get; set; } = 64;

    public Uri BrokerUri => new(Broker);
}
