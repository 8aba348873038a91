namespace SortStation.Clustering;

/// <summary>Elbow table plus the fits behind it (index-aligned) and the Kneedle pick.</summary>
public sealed record ElbowRun(IReadOnlyList<ElbowPoint> Points, IReadOnlyList<KMeansResult> Fits, int? KneeK);
