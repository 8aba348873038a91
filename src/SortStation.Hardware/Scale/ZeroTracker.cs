namespace SortStation.Hardware.Scale;

/// <summary>
/// Zero tracking: a stable net reading within a small band around zero is drift (temperature, creep of
/// the load cell), not an item, so the zero moves onto it. Readings outside the band are left alone.
/// </summary>
public sealed class ZeroTracker(double bandCounts)
{
    /// <summary>The zero to use from now on, given a stable reading in counts.</summary>
    public double Track(double zeroCounts, double stableCounts)
    {
        var net = stableCounts - zeroCounts;
        return bandCounts > 0 && Math.Abs(net) <= bandCounts ? stableCounts : zeroCounts;
    }
}
