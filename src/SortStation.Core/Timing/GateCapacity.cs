using SortStation.Core.Options;

namespace SortStation.Core.Timing;

/// <summary>
/// What one gate can do on this belt: when an item reaches it, how long one diversion takes (pulse + release), how
/// late a fire may start, and the most items per second it can divert back to back (1 / diversion).
/// </summary>
public sealed record GateCapacity(string Bin, double DistanceMeters, TimeSpan Travel, TimeSpan Cycle, TimeSpan MaxLate)
{
    public double ItemsPerSecond => Cycle > TimeSpan.Zero ? 1 / Cycle.TotalSeconds : double.PositiveInfinity;

    /// <summary>Every gated bin, nearest the camera first.</summary>
    public static IReadOnlyList<GateCapacity> Of(SortingOptions sorting, BeltOptions belt)
    {
        ArgumentNullException.ThrowIfNull(sorting);
        ArgumentNullException.ThrowIfNull(belt);
        return sorting.Bins
            .Where(b => b.Value.Gate != GateKind.None)
            .OrderBy(b => b.Value.DistanceMeters)
            .Select(b =>
            {
                var window = GateWindows.Of(b.Value, belt);
                return new GateCapacity(b.Key, b.Value.DistanceMeters, TimeSpan.FromSeconds(b.Value.DistanceMeters / belt.SpeedMetersPerSecond), window.Cycle, window.MaxLate);
            })
            .ToArray();
    }
}
