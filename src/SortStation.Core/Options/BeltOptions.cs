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
}
