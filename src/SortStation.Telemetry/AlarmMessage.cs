using SortStation.Core.Alarms;

namespace SortStation.Telemetry;

/// <summary>
/// Payload of the retained <c>{prefix}/{stationId}/alarm</c> topic: every active alarm, and whether sorting is
/// stopped. When the last alarm clears the same message is published with an empty list (not an empty retained
/// message), so a subscriber always reads the current truth and when it became so.
/// </summary>
public sealed record AlarmMessage(string Schema, string StationId, DateTimeOffset Timestamp, bool Stopped, IReadOnlyList<StationAlarm> Alarms)
{
    public const string CurrentSchema = "sortstation.alarm/1";
}
