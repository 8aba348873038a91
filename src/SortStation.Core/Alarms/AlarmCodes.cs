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

    /// <summary>An item could not be diverted in time and was recorded to Sorting:EndOfBeltBin (reason missed-gate); does not stop sorting.</summary>
    public const string MissedGate = "missed-gate";

    /// <summary>A booked gate fire did not happen, so a record names a bin its item did not reach; does not stop sorting.</summary>
    public const string GateFireLost = "gate-fire-lost";

    public static IReadOnlyList<string> All { get; } = [Jam, Backlog, OutboxWriteFailed, MissedGate, GateFireLost];

    /// <summary>The alarms about gate timing (<see cref="GateTimingWatch"/>): raised after the fact, cleared after a quiet spell.</summary>
    public static bool IsGateTiming(string code) => code is MissedGate or GateFireLost;
}
