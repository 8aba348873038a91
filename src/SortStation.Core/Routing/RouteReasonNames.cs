namespace SortStation.Core.Routing;

/// <summary>Wire names of <see cref="RouteReason"/> (kebab-case, stable across renames of the enum).</summary>
public static class RouteReasonNames
{
    public static string ToWire(this RouteReason reason) => reason switch
    {
        RouteReason.Routed => "routed",
        RouteReason.LowConfidence => "low-confidence",
        RouteReason.UnknownLabel => "unknown-label",
        RouteReason.CameraFault => "camera-fault",
        RouteReason.MissedGate => "missed-gate",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
