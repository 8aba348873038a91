using SortStation.Core.Alarms;

namespace SortStation.Telemetry;

/// <summary>
/// Payload of the retained <c>{prefix}/{stationId}/health</c> topic. <see cref="State"/> is one of
/// <see cref="SortingState"/>'s words (running, idle, jam, soft-stopped, e-stop); <see cref="Alarms"/> the active ones;
/// <see cref="GateTiming"/> the missed gates and lost fires since start.
/// </summary>
public sealed record StationHealth(
    string Schema,
    string StationId,
    DateTimeOffset Timestamp,
    double UptimeSeconds,
    string? Model,
    DevicesHealth Devices,
    OutboxHealth Outbox,
    MqttHealth Mqtt,
    string State,
    IReadOnlyList<StationAlarm> Alarms,
    GateTimingHealth? GateTiming = null)
{
    public const string CurrentSchema = "sortstation.health/1";
}
