namespace SortStation.Contracts;

/// <summary>
/// The record's <c>reason</c> on the wire (kebab-case, stable across renames in the station's code). Every reason
/// but <see cref="Routed"/> means the item did not go to its label's bin.
/// </summary>
public static class RouteReasonNames
{
    public const string Routed = "routed";
    public const string LowConfidence = "low-confidence";
    public const string UnknownLabel = "unknown-label";
    public const string CameraFault = "camera-fault";

    /// <summary>Its gate could not start in time: the item rode on to the end-of-belt bin.</summary>
    public const string MissedGate = "missed-gate";

    public static IReadOnlyList<string> All { get; } = [Routed, LowConfidence, UnknownLabel, CameraFault, MissedGate];
}
