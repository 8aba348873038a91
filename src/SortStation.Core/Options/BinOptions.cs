using SortStation.Kernel.Options;

namespace SortStation.Core.Options;

/// <summary>One bin beside the belt and the gate that diverts into it.</summary>
public sealed class BinOptions
{
    /// <summary>Kind of actuator; <see cref="GateKind.None"/> for a passive bin (e.g. the end of the belt).</summary>
    public GateKind Gate { get; set; } = GateKind.Solenoid;

    /// <summary>BCM GPIO number driving the gate; required unless <see cref="Gate"/> is None.</summary>
    public int? Pin { get; set; }

    /// <summary>Belt distance from the camera line to the gate, metres.</summary>
    [AppliedLive]
    public double DistanceMeters { get; set; }

    /// <summary>How long the actuator is energised per item, milliseconds.</summary>
    public int PulseMilliseconds { get; set; } = 80;

    /// <summary>
    /// After a pulse, how long the actuator needs to return before it can divert again (solenoid return
    /// stroke, servo swing back), milliseconds. One diversion takes pulse + release.
    /// </summary>
    [AppliedLive]
    public int ReleaseMilliseconds { get; set; } = 20;

    /// <summary>
    /// Width of the paddle or flap along the belt, metres: an item is in front of the gate for width ÷ belt
    /// speed, so a fire may start that much after the item's due time and still divert it (Belt:MaxLateMilliseconds).
    /// </summary>
    [AppliedLive]
    public double GateWidthMeters { get; set; } = 0.05;

    /// <summary>True when the driver energises the actuator on a high output (most MOSFET/relay boards).</summary>
    public bool ActiveHigh { get; set; } = true;

    /// <summary>Servo only: horn angle at rest (belt clear), degrees 0–180.</summary>
    public double RestDegrees { get; set; }

    /// <summary>Servo only: horn angle while diverting, degrees 0–180.</summary>
    public double ActiveDegrees { get; set; } = 90;
}
