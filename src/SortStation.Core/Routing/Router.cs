using Microsoft.Extensions.Options;
using SortStation.Contracts;
using SortStation.Core.Options;

namespace SortStation.Core.Routing;

/// <summary>
/// Label → bin. Anything the station is not sure of goes to the reject bin: a confidence under
/// <see cref="SortingOptions.MinConfidence"/>, a label with no route, or no classification at all.
/// Reads options per call so routing and threshold changes apply to the next item without a restart.
/// </summary>
public sealed class Router(IOptionsMonitor<SortingOptions> options)
{
    public RoutingDecision Route(LabelScore best)
    {
        ArgumentNullException.ThrowIfNull(best);
        var o = options.CurrentValue;
        if (best.Confidence < o.MinConfidence)
        {
            return new RoutingDecision(o.RejectBin, RouteReason.LowConfidence);
        }

        return o.Routes.TryGetValue(best.Label, out var bin)
            ? new RoutingDecision(bin, RouteReason.Routed)
            : new RoutingDecision(o.RejectBin, RouteReason.UnknownLabel);
    }

    /// <summary>The decision when there is nothing to classify (camera fault).</summary>
    public RoutingDecision NoImage() => new(options.CurrentValue.RejectBin, RouteReason.CameraFault);
}
