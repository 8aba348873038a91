using SortStation.Core.Units;

namespace SortStation.Hardware.Scale;

/// <summary>
/// The straight line from HX711 counts to mass: <c>mass = (counts − zero) ÷ countsPerKilogram</c>.
/// A load cell is linear within its rated capacity, so one known mass fixes the slope.
/// </summary>
public readonly record struct ScaleCalibration(double ZeroCounts, double CountsPerKilogram)
{
    public Mass ToMass(double counts) => Mass.FromKilograms((counts - ZeroCounts) / CountsPerKilogram);

    public ScaleCalibration WithZero(double zeroCounts) => this with { ZeroCounts = zeroCounts };

    /// <summary>The factor from an empty reading and a reading with <paramref name="known"/> on the scale.</summary>
    public static double FactorFrom(double emptyCounts, double loadedCounts, Mass known)
    {
        if (!(Math.Abs(known.Kilograms) > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(known), known, "The known mass must not be zero.");
        }

        var factor = (loadedCounts - emptyCounts) / known.Kilograms;
        if (Math.Abs(factor) < 1)
        {
            throw new InvalidOperationException($"The reading did not change when {known} was placed ({emptyCounts:F0} → {loadedCounts:F0} counts): check the load-cell wiring (E+/E−/A+/A−).");
        }

        return factor;
    }
}
