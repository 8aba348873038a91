namespace SortStation.Clustering;

/// <summary>Mean silhouette plus how it was obtained (exact, or on a seeded random sample).</summary>
public sealed record SilhouetteEstimate(double Value, bool Sampled, int SampleSize, int Population, ulong Seed)
{
    public string Method => Sampled
        ? $"sampled estimate: {SampleSize} of {Population} points (seed {Seed}), exact silhouette on the sample"
        : $"exact over all {Population} points";
}
