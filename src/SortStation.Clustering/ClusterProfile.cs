namespace SortStation.Clustering;

/// <summary>Per-cluster summary in original units (centroid is the inverse-scaled k-means centre).</summary>
public sealed record ClusterProfile(
    int Id,
    int Count,
    string Label,
    IReadOnlyDictionary<string, double> Centroid,
    IReadOnlyDictionary<string, double> Mean,
    IReadOnlyDictionary<string, double> Min,
    IReadOnlyDictionary<string, double> Max);
