namespace SortStation.Core.Options;

/// <summary>Section <c>Sorting</c>: bins, label routes and the confidence threshold.</summary>
public sealed class SortingOptions
{
    public const string Section = "Sorting";

    /// <summary>Top-1 confidence below this goes to <see cref="RejectBin"/> (0–1).</summary>
    [AppliedLive]
    public double MinConfidence { get; set; } = 0.6;

    /// <summary>Bin for low-confidence, unknown-label and camera-fault items; must be one of <see cref="Bins"/>.</summary>
    [AppliedLive]
    public string RejectBin { get; set; } = "reject";

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
