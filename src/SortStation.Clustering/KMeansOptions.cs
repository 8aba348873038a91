namespace SortStation.Clustering;

/// <summary>K-Means settings; defaults follow scikit-learn 1.2 (n_init 10, max_iter 300, tol 1e-4).</summary>
public sealed record KMeansOptions
{
    public int K { get; init; } = 3;

    /// <summary>Restarts with different k-means++ seeds; the lowest SSE wins.</summary>
    public int NInit { get; init; } = 10;

    public int MaxIterations { get; init; } = 300;

    /// <summary>Relative to the mean feature variance, as scikit-learn's tol.</summary>
    public double Tolerance { get; init; } = 1e-4;

    public ulong Seed { get; init; }
}
