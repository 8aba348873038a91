using Microsoft.Extensions.Diagnostics.HealthChecks;
using SortStation.Core.Alarms;
using SortStation.Core.Devices;

namespace SortStation.Telemetry.Health;

/// <summary>
/// The station's health checks by name, the data each puts in its result, and the MQTT health message built
/// from one <see cref="HealthReport"/>: /healthz and the message come from the same run of the same checks.
/// </summary>
public static class StationHealthData
{
    public const string Camera = "camera";
    public const string Scale = "scale";
    public const string Gates = "gates";
    public const string Broker = "broker";
    public const string Outbox = "outbox";
    public const string Model = "model";
    public const string Loop = "loop";
    public const string Sorting = "sorting";

    /// <summary>Key of each check's typed part of the message (a <see cref="DeviceState"/>, an <see cref="OutboxHealth"/>, …).</summary>
    public const string Part = "part";

    /// <summary>Key of the gates check's <see cref="GateTimingHealth"/>, and of the sorting check's active alarms.</summary>
    public const string Detail = "detail";

    public static IReadOnlyDictionary<string, object> Data(object? part, object? detail = null)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        if (part is not null)
        {
            data[Part] = part;
        }

        if (detail is not null)
        {
            data[Detail] = detail;
        }

        return data;
    }

    public static StationHealth ToMessage(HealthReport report, string stationId, DateTimeOffset now, double uptimeSeconds)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new StationHealth(
            StationHealth.CurrentSchema,
            stationId,
            now,
            uptimeSeconds,
            Get<string>(report, Model),
            new DevicesHealth(Get<DeviceState?>(report, Camera), Get<DeviceState?>(report, Scale), Get<IReadOnlyDictionary<string, DeviceState>>(report, Gates) ?? new Dictionary<string, DeviceState>()),
            Get<OutboxHealth>(report, Outbox) ?? new OutboxHealth(0, 0, 0, 0),
            Get<MqttHealth>(report, Broker) ?? new MqttHealth(false, 0, 0, 0, null, null),
            Get<string>(report, Sorting) ?? SortingState.Running,
            Get<IReadOnlyList<StationAlarm>>(report, Sorting, Detail) ?? [],
            Get<GateTimingHealth>(report, Gates, Detail));
    }

    private static T? Get<T>(HealthReport report, string check, string key = Part) =>
        report.Entries.TryGetValue(check, out var entry) && entry.Data.TryGetValue(key, out var value) && value is T typed ? typed : default;
}
