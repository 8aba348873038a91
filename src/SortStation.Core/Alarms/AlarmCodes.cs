namespace SortStation.Core.Alarms;

/// <summary>The station's alarm codes, as they appear on the MQTT alarm topic, in health and in metrics.</summary>
public static class AlarmCodes
{
    /// <summary>The photo-eye (or the simulated one) held blocked longer than Trigger:JamSeconds.</summary>
    public const string Jam = "jam";

    /// <summary>Items waited at the camera line longer than the belt takes to carry them to the first gate.</summary>
    public const string Backlog = "backlog";

    /// <summary>The outbox could not commit a weighing (disk full, I/O error, read-only file system).</summary>
    public const string OutboxWriteFailed = "outbox-write-failed";

    public static IReadOnlyList<string> All { get; } = [Jam, Backlog, OutboxWriteFailed];
}
