namespace SortStation.Core.Routing;

/// <summary>The bin chosen for an item and why.</summary>
public sealed record RoutingDecision(string Bin, RouteReason Reason)
{
    public bool IsReject => Reason != RouteReason.Routed;
}
