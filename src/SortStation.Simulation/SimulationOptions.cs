namespace SortStation.Simulation;

/// <summary>Section <c>Simulation</c>: the stand-in conveyor used when Station:Hardware is Simulated.</summary>
public sealed class SimulationOptions
{
    public const string Section = "Simulation";

    /// <summary>
    /// Folder of labelled photos (one sub-folder per label) to replay; empty replays the bundled <c>samples/</c>
    /// (TrashNet photos) when present, else renders synthetic frames.
    /// </summary>
    public string? ImagesDirectory { get; set; }

    /// <summary>True renders synthetic drawings even where the bundled samples are present (ImagesDirectory still wins).</summary>
    public bool SyntheticFrames { get; set; }

    /// <summary>Time between items on the belt, milliseconds.</summary>
    public int ItemIntervalMilliseconds { get; set; } = 200;

    /// <summary>Items to send before the trigger stops; 0 runs until the service is stopped.</summary>
    public int Items { get; set; }

    /// <summary>Seed of every random choice (labels, images, weights), so runs repeat.</summary>
    public int Seed { get; set; } = 42;

    public int FrameWidth { get; set; } = 640;

    public int FrameHeight { get; set; } = 480;

    /// <summary>Relative spread (log-normal sigma) of simulated weights around each label's typical weight.</summary>
    public double WeightSpread { get; set; } = 0.25;

    /// <summary>Sensitivity of the simulated load cell in ADC counts per kilogram (what calibrate-scale should find).</summary>
    public double ScaleCountsPerKilogram { get; set; } = 420_000;

    /// <summary>Raw counts of the empty simulated scale (an HX711 never reads exactly 0 unloaded).</summary>
    public double ScaleZeroCounts { get; set; } = 8_400;

    /// <summary>After this many items the simulated photo-eye is held blocked (a jam, to see the soft stop); 0 never.</summary>
    public int JamAfterItems { get; set; }

    /// <summary>How long the simulated jam holds the photo-eye blocked before it clears by itself.</summary>
    public int JamHoldSeconds { get; set; } = 10;
}
