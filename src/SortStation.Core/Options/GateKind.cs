namespace SortStation.Core.Options;

/// <summary>Actuator behind a bin.</summary>
public enum GateKind
{
    None,
    Solenoid,
    Relay,
    Servo,
}
