namespace SortStation.Core.Devices;

/// <summary>A scale a technician can tare and calibrate: raw ADC counts and the factor that turns them into mass.</summary>
public interface ICalibratableScale : IScale
{
    /// <summary>Raw reading (ADC counts) that means an empty scale.</summary>
    double ZeroCounts { get; }

    /// <summary>Counts per kilogram of load (the calibration factor).</summary>
    double CountsPerKilogram { get; }

    /// <summary>Mean of <paramref name="samples"/> raw readings, in ADC counts.</summary>
    ValueTask<double> ReadCountsAsync(int samples, CancellationToken ct = default);

    /// <summary>Takes the current load as zero and returns the new zero in counts.</summary>
    ValueTask<double> TareAsync(int samples, CancellationToken ct = default);

    /// <summary>Uses a new calibration factor from now on.</summary>
    void Calibrate(double countsPerKilogram);
}
