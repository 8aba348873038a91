namespace SortStation.Hardware.Options;

/// <summary>How raw HX711 samples are smoothed.</summary>
public enum ScaleFilter
{
    /// <summary>Median of the last N samples: ignores single spikes (belt knocks, EMI from solenoids).</summary>
    Median,

    /// <summary>Mean of the last N samples: lower noise when there are no spikes.</summary>
    MovingAverage,
}
