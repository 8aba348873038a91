using MQTTnet;
using SortStation.Central.Options;
using SortStation.Mqtt;

namespace SortStation.Central.Ingest;

/// <summary>
/// CONNECT of a central instance: the shared one (<see cref="MqttConnect"/>: v5, persistent session so the
/// broker keeps unacknowledged weighings while central restarts, credentials, TLS) with client id =
/// Central:InstanceId and a receive maximum.
/// </summary>
internal sealed class CentralConnectOptions(CentralMqttOptions mqtt, string instanceId)
{
    public string ClientId => instanceId;

    public string SharedFilter => $"$share/{mqtt.SharedGroup}/{mqtt.TopicPrefix}/+/weighing";

    public MqttClientOptions Create() => MqttConnect.Builder(mqtt, ClientId)
        .WithReceiveMaximum((ushort)mqtt.ReceiveMaximum)
        .Build();
}
