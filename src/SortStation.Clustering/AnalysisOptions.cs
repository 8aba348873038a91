namespace SortStation.Clustering;

/// <summary>Settings for <see cref="ClusteringAnalysis"/>; <see cref="FixedK"/> skips the knee search.</summary>
public sealed record AnalysisOptions
{
    public ScalingMethod Scaling { get; init; } = ScalingMethod.Standard;

    public OutlierFilter Outliers { get; init; } = OutlierFilter.None;

    public double IqrFactor { get; init; } = 1.5;

    public bool DropDuplicates { get; init; }

    public int? FixedK { get; init; }

    public int KMin { get; init; } = 2;

    public int KMax { get; init; } = 10;

    public int NInit { get; init; } = 10;

    public int MaxIterations { get; init; } = 300;

    public ulong Seed { get; init; } = 42;

    /// <summary>Above this many records the silhouette is estimated on a seeded sample of this size.</summary>
    public int SilhouetteThreshold { get; init; } = Silhouette.DefaultThreshold;

    /// <summary>Per-record assignments are returned up to this many records (keeps JSON small).</summary>
    public int MaxAssignments { get; init; } = 10_000;
}
