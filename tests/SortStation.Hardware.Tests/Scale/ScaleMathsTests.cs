using SortStation.Core.Units;
using SortStation.Hardware.Options;
using SortStation.Hardware.Scale;

namespace SortStation.Hardware.Tests.Scale;

public sealed class ScaleMathsTests
{
    [Fact]
    public void ToMass_CountsAboveZero_DividesByFactor()
    {
        var calibration = new ScaleCalibration(ZeroCounts: 8_400, CountsPerKilogram: 420_000);

        Assert.Equal(0.5, calibration.ToMass(218_400).Kilograms, 9);
    }

    [Fact]
    public void FactorFrom_EmptyAndKnownMass_IsCountsPerKilogram()
    {
        Assert.Equal(420_000, ScaleCalibration.FactorFrom(8_400, 218_400, Mass.FromGrams(500)), 6);
    }

    [Fact]
    public void FactorFrom_ReadingUnchanged_ThrowsWithWiringHint()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ScaleCalibration.FactorFrom(8_400, 8_400.4, Mass.FromKilograms(1)));
        Assert.Contains("wiring", ex.Message);
    }

    [Fact]
    public void FactorFrom_ZeroKnownMass_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScaleCalibration.FactorFrom(0, 100, Mass.Zero));
    }

    [Fact]
    public void Median_SpikeInWindow_IsIgnored()
    {
        var filter = new SampleFilter(ScaleFilter.Median, 5);
        foreach (var s in new double[] { 100, 101, 5_000, 99, 100 })
        {
            filter.Add(s);
        }

        Assert.Equal(100, filter.Value);
    }

    [Fact]
    public void MovingAverage_FullWindow_IsMeanOfLastN()
    {
        var filter = new SampleFilter(ScaleFilter.MovingAverage, 3);
        foreach (var s in new double[] { 1_000, 10, 20, 30 })
        {
            filter.Add(s);
        }

        Assert.Equal(20, filter.Value);
    }

    [Fact]
    public void Stability_SpreadBelowTolerance_IsStableOnceWindowFull()
    {
        var stability = new StabilityDetector(window: 3, toleranceCounts: 10);

        Assert.False(stability.Add(100));
        Assert.False(stability.Add(105));
        Assert.True(stability.Add(102));
    }

    [Fact]
    public void Stability_SpreadAtTolerance_IsNotStable()
    {
        var stability = new StabilityDetector(window: 2, toleranceCounts: 10);
        stability.Add(100);

        Assert.False(stability.Add(110));
    }

    [Fact]
    public void ZeroTracker_StableWithinBand_MovesZero()
    {
        Assert.Equal(1_040, new ZeroTracker(bandCounts: 50).Track(zeroCounts: 1_000, stableCounts: 1_040));
    }

    [Fact]
    public void ZeroTracker_OutsideBand_KeepsZero()
    {
        Assert.Equal(1_000, new ZeroTracker(bandCounts: 50).Track(zeroCounts: 1_000, stableCounts: 1_060));
    }

    [Fact]
    public void ZeroTracker_BandZero_IsOff()
    {
        Assert.Equal(1_000, new ZeroTracker(bandCounts: 0).Track(zeroCounts: 1_000, stableCounts: 1_000.1));
    }
}
