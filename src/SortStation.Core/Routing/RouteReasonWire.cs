using SortStation.Contracts;

namespace SortStation.Core.Routing;

/// <summary>Each <see cref="RouteReason"/> as the record names it (<see cref="RouteReasonNames"/>).</summary>
public static class RouteReasonWire
{
    public static string ToWire(this RouteReason reason) => reason switch
    {
        RouteReason.Routed => RouteReasonNames.Routed,
        RouteReason.LowConfidence => RouteReasonNames.LowConfidence,
        RouteReason.UnknownLabel => RouteReasonNames.UnknownLabel,
        RouteReason.CameraFault => RouteReasonNames.CameraFault,
        RouteReason.MissedGate => RouteReasonNames.MissedGate,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
