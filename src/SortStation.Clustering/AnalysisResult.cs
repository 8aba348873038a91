using System.Text.Json.Serialization;

namespace SortStation.Clustering;

/// <summary>Everything the cluster command prints; serialises (camelCase) to the JSON shape.</summary>
public sealed record AnalysisResult
{
    public required int Records { get; init; }

    public required int InputRows { get; init; }

    public required DropSummary Dropped { get; init; }

    public required IReadOnlyList<string> Features { get; init; }

    public required ScalingSummary Scaling { get; init; }

    public required IReadOnlyList<ElbowPoint> Elbow { get; init; }

    public required int ChosenK { get; init; }

    /// <summary>"kneedle", "fixed" or "silhouette (no knee)".</summary>
    public required string KSelection { get; init; }

    public required double Silhouette { get; init; }

    public required string SilhouetteMethod { get; init; }

    public required ulong Seed { get; init; }

    public required IReadOnlyList<ClusterProfile> Clusters { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Assignment>? Assignments { get; init; }

    // Not serialised (and so not `required`, which System.Text.Json rejects on ignored init-only members).

    /// <summary>Cleaned records in original units, for plots.</summary>
    [JsonIgnore]
    public Dataset Data { get; init; } = null!;

    [JsonIgnore]
    public KMeansResult Fit { get; init; } = null!;

    [JsonIgnore]
    public ClusterPredictor Predictor { get; init; } = null!;
}
