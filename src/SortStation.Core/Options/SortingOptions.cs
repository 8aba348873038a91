using SortStation.Kernel.Options;

namespace SortStation.Core.Options;

/// <summary>Section <c>Sorting</c>: bins, label routes and the confidence threshold.</summary>
public sealed class SortingOptions
{
    public const string Section = "Sorting";

    /// <summary>
    /// Top-1 confidence below this goes to <see cref="RejectBin"/> (0–1). The default is the model card's operating
    /// point: with the shipped model's calibrated scores, accepted test items are ≥ 98 % right (models/README.md).
    /// </summary>
    [AppliedLive]
    public double MinConfidence { get; set; } = 0.95;

    /// <summary>Bin for low-confidence, unknown-label and camera-fault items; must be one of <see cref="Bins"/>.</summary>
    [AppliedLive]
    public string RejectBin { get; set; } = "reject";

    /// <summary>
    /// The passive bin at the end of the belt: where an item goes when its gate could not divert it in time
    /// (its record says this bin, reason missed-gate). Must be one of <see cref="Bins"/> with Gate None.
    /// </summary>
    [AppliedLive]
    public string EndOfBeltBin { get; set; } = "reject";

    /// <summary>
    /// Time the station may take from the trigger to routing an item (frame, classification, weight), milliseconds.
    /// Every gate must be at least this far down the belt (plus the gate lead); check-config checks it.
    /// </summary>
    public int ClassificationBudgetMilliseconds { get; set; } = 300;

    /// <summary>Model label → bin name. Labels without a route are rejected.</summary>
    [AppliedLive]
    public Dictionary<string, string> Routes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// False (default): a model label without a route or price, or a route or price for a label the model does
    /// not have, is a warning (log, check-config). True: an error that stops the start and refuses a model swap.
    /// </summary>
    [AppliedLive]
    public bool StrictLabels { get; set; }

    /// <summary>Bin name → its gate.</summary>
    public Dictionary<string, BinOptions> Bins { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
