namespace SortStation.Core.Routing;

/// <summary>Why an item went where it went; published as the record's <c>reason</c>.</summary>
public enum RouteReason
{
    Routed,
    LowConfidence,
    UnknownLabel,
    CameraFault,

    /// <summary>Its gate could not start in time (busy with earlier items, or routed after the item passed): the item went to the end-of-belt bin.</summary>
    MissedGate,
}
