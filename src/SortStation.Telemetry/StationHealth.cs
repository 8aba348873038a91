namespace SortStation.Telemetry;

/// <summary>Payload of the retained <c>{prefix}/{stationId}/health</c> topic.</summary>
public sealed record StationHealth(
    string Schema,
    string StationId,
    DateTimeOffset Timestamp,
    double UptimeSeconds,
    string? Model,
    DevicesHealth Devices,
    OutboxHealth Outbox,
    MqttHealth Mqtt,
    GateTimingHealth? GateTiming = null)
{
    public const string CurrentSchema = "sortstation.health/1";
}
