using SortStation.Mqtt;

namespace SortStation.Central.Options;

/// <summary>Section <c>Mqtt</c> of central: the broker it subscribes to (the same connection settings as the station's).</summary>
public sealed class CentralMqttOptions : MqttConnectionOptions
{
    /// <summary>Shared-subscription group: instances with the same group split the weighings between them. Empty: a plain subscription (one instance).</summary>
    public string SharedGroup { get; set; } = "central";

    /// <summary>Unacknowledged weighings the broker may send at once (MQTT v5 receive maximum); also the largest insert batch.</summary>
    public int ReceiveMaximum { get; set; } = 1000;
}
