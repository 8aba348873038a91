namespace SortStation.Hardware.Options;

/// <summary>Section <c>Scale</c>: the HX711 load-cell amplifier under the belt.</summary>
public sealed class ScaleOptions
{
    public const string Section = "Scale";

    /// <summary>BCM GPIO wired to HX711 DOUT (data out of the HX711).</summary>
    public int DataPin { get; set; } = 5;

    /// <summary>BCM GPIO wired to HX711 PD_SCK (clock and power-down).</summary>
    public int ClockPin { get; set; } = 6;

    public ScaleGain Gain { get; set; } = ScaleGain.A128;

    /// <summary>
    /// The calibration file sortstation calibrate-scale writes and the driver reads at start; when it exists it
    /// wins over <see cref="CountsPerKilogram"/> and <see cref="ZeroCounts"/>.
    /// </summary>
    public string CalibrationFile { get; set; } = Scale.ScaleCalibrationFile.DefaultPath;

    /// <summary>Calibration factor, ADC counts per kilogram: the fallback while there is no <see cref="CalibrationFile"/>.</summary>
    public double CountsPerKilogram { get; set; } = 420_000;

    /// <summary>Counts of the empty scale, used when <see cref="TareOnStart"/> is false: the fallback while there is no <see cref="CalibrationFile"/>.</summary>
    public double ZeroCounts { get; set; }

    /// <summary>Take the empty scale as zero when the station starts (the belt must be empty).</summary>
    public bool TareOnStart { get; set; } = true;

    public ScaleFilter Filter { get; set; } = ScaleFilter.Median;

    /// <summary>Samples in the filter and in the stability window.</summary>
    public int WindowSamples { get; set; } = 5;

    /// <summary>A weight is stable when the filtered window spreads less than this.</summary>
    public double StableToleranceGrams { get; set; } = 2;

    /// <summary>No stable weight within this time: the weight is recorded as missing.</summary>
    public int SettleTimeoutMilliseconds { get; set; } = 1500;

    /// <summary>Stable readings this close to zero are taken as zero drift and tracked out; 0 disables.</summary>
    public double ZeroTrackingGrams { get; set; } = 1;

    /// <summary>Rated capacity of the load cell; above it the scale reports overload.</summary>
    public double CapacityKilograms { get; set; } = 10;

    /// <summary>DOUT must fall (data ready) within this time; at 10 SPS a sample takes 100 ms.</summary>
    public int ReadTimeoutMilliseconds { get; set; } = 500;

    /// <summary>Samples averaged by tare and calibration.</summary>
    public int TareSamples { get; set; } = 15;
}
