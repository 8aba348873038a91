using SortStation.Mqtt;

namespace SortStation.Telemetry;

/// <summary>Section <c>Mqtt</c> of the station: the broker it publishes to. The demo starts its own broker and overrides <see cref="MqttConnectionOptions.Broker"/>.</summary>
public sealed class MqttOptions : MqttConnectionOptions
{
    /// <summary>MQTT client id; empty uses the station id. Must be unique per broker for the persistent session.</summary>
    public string? ClientId { get; set; }

    /// <summary>QoS 1 publishes in flight at once; the broker's max_inflight_messages should allow as many.</summary>
    public int MaxInFlight { get; set; } = 64;

    /// <summary>Seconds between retained health messages.</summary>
    public int HealthIntervalSeconds { get; set; } = 30;
}
