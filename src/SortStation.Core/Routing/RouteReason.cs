namespace SortStation.Core.Routing;

/// <summary>Why an item went where it went; published as the record's <c>reason</c>.</summary>
public enum RouteReason
{
    Routed,
    LowConfidence,
    UnknownLabel,
    CameraFault,
}
