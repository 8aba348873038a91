namespace SortStation.Clustering;

/// <summary>Best restart of a K-Means fit. Centroids are in the space the data was fitted in.</summary>
public sealed class KMeansResult
{
    internal KMeansResult(int k, int dimensions, double[] centroids, int[] labels, double inertia, int iterations)
    {
        K = k;
        Dimensions = dimensions;
        CentroidData = centroids;
        LabelData = labels;
        Inertia = inertia;
        Iterations = iterations;
    }

    public int K { get; }

    public int Dimensions { get; }

    /// <summary>Within-cluster sum of squared distances (scikit-learn's inertia_).</summary>
    public double Inertia { get; }

    public int Iterations { get; }

    public IReadOnlyList<int> Labels => LabelData;

    internal double[] CentroidData { get; }

    internal int[] LabelData { get; }

    public ReadOnlySpan<double> Centroid(int cluster) => CentroidData.AsSpan(cluster * Dimensions, Dimensions);
}
