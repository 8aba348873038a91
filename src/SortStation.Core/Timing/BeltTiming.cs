using Microsoft.Extensions.Options;
using SortStation.Core.Options;

namespace SortStation.Core.Timing;

/// <summary>When an item seen at the camera reaches a gate: distance ÷ belt speed − actuator lead.</summary>
public sealed class BeltTiming(IOptionsMonitor<BeltOptions> belt)
{
    public TimeSpan TravelTime(double distanceMeters)
    {
        var o = belt.CurrentValue;
        var travel = TimeSpan.FromSeconds(distanceMeters / o.SpeedMetersPerSecond) - TimeSpan.FromMilliseconds(o.GateLeadMilliseconds);
        return travel < TimeSpan.Zero ? TimeSpan.Zero : travel;
    }

    public DateTimeOffset FireTime(DateTimeOffset seenAtCamera, double distanceMeters) =>
        seenAtCamera + TravelTime(distanceMeters);
}
