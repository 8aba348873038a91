namespace SortStation.Clustering;

/// <summary>One row of the elbow table; silhouette is null when not computed or undefined (k = 1).</summary>
public sealed record ElbowPoint(int K, double Sse, double? Silhouette);
