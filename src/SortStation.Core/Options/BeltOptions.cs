using SortStation.Kernel.Options;

namespace SortStation.Core.Options;

/// <summary>Section <c>Belt</c>: conveyor speed and the gate lead time.</summary>
public sealed class BeltOptions
{
    public const string Section = "Belt";

    /// <summary>Measured belt speed, metres per second.</summary>
    [AppliedLive]
    public double SpeedMetersPerSecond { get; set; } = 0.5;

    /// <summary>Fire this much earlier than the computed arrival, for the actuator's own travel time.</summary>
    [AppliedLive]
    public int GateLeadMilliseconds { get; set; }

    /// <summary>
    /// Latest a gate may start after its item's due time (the gate was busy with the item before); a fire that
    /// cannot start by then is skipped and the item recorded as reaching Sorting:EndOfBeltBin (reason missed-gate).
    /// Null: per gate, the time its item stays in front of the paddle (Sorting:Bins:*:GateWidthMeters ÷ speed).
    /// </summary>
    [AppliedLive]
    public int? MaxLateMilliseconds { get; set; }
}
