using MQTTnet;
using SortStation.Contracts;
using SortStation.Central.Options;
using SortStation.Mqtt;

namespace SortStation.Central.Ingest;

/// <summary>
/// CONNECT of a central instance: the shared one (<see cref="MqttConnect"/>: v5, persistent session so the
/// broker keeps unacknowledged weighings while central restarts, credentials, TLS) with client id =
/// Central:InstanceId and a receive maximum.
/// </summary>
internal sealed class CentralConnect(CentralMqttOptions mqtt, string instanceId)
{
    public string ClientId => instanceId;

    /// <summary>
    /// The weighings' subscription: shared by the instances of Mqtt:SharedGroup, or a plain one when the group is
    /// empty (one instance; a broker without shared subscriptions, such as the demo's embedded MQTTnet broker).
    /// </summary>
    public string SharedFilter => string.IsNullOrEmpty(mqtt.SharedGroup)
        ? Topics.AllWeighings(mqtt.TopicPrefix)
        : $"$share/{mqtt.SharedGroup}/{Topics.AllWeighings(mqtt.TopicPrefix)}";

    /// <summary>Every station's retained status and health (not shared: each instance keeps its own view).</summary>
    public IReadOnlyList<string> StationStateFilters => [$"{mqtt.TopicPrefix}/+/status", $"{mqtt.TopicPrefix}/+/health"];

    public MqttClientOptions Create() => MqttConnect.Builder(mqtt, ClientId)
        .WithReceiveMaximum((ushort)mqtt.ReceiveMaximum)
        .Build();
}
