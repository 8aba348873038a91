using MQTTnet;
using MQTTnet.Protocol;
using SortStation.Contracts;
using SortStation.Mqtt;

namespace SortStation.Telemetry;

/// <summary>The station's CONNECT packet: the shared one (<see cref="MqttConnect"/>) plus a retained <c>offline</c> will.</summary>
internal sealed class StationConnect(MqttOptions mqtt, string stationId)
{
    public string ClientId => string.IsNullOrWhiteSpace(mqtt.ClientId) ? $"sortstation-{stationId}" : mqtt.ClientId;

    public MqttClientOptions Create() => MqttConnect.Builder(mqtt, ClientId)
        .WithWillTopic(Topics.Status(mqtt.TopicPrefix, stationId))
        .WithWillPayload(StationStatus.Offline)
        .WithWillRetain(true)
        .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();
}
