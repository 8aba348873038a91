namespace SortStation.Clustering;

/// <summary>
/// Plain-language labels from centroids (original units). The value feature is the first whose name
/// contains "price" or "value"; the volume feature the first containing "weight", "kg", "tonnage" or "volume".
/// 1. highest value centroid, if above the overall mean of that feature: "high value";
/// 2. of the rest, highest volume centroid, if above the overall mean: "high volume";
/// 3. of the rest, the cluster with most records: "standard";
/// 4. any other: "mid value" (value centroid above mean), else "mid volume" (volume above mean), else "low value".
/// Ties go to the lower cluster id.
/// </summary>
public static class ClusterLabeler
{
    public static string[] Label(IReadOnlyList<string> features, double[][] centroids, int[] counts, double[] overallMean)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(centroids);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(overallMean);
        var value = FindFeature(features, "price", "value");
        var volume = FindFeature(features, "weight", "kg", "tonnage", "volume");
        var labels = new string?[centroids.Length];
        Assign(labels, ArgMax(labels, c => value < 0 ? double.NaN : centroids[c][value], value < 0 ? 0 : overallMean[value]), "high value");
        Assign(labels, ArgMax(labels, c => volume < 0 ? double.NaN : centroids[c][volume], volume < 0 ? 0 : overallMean[volume]), "high volume");
        Assign(labels, ArgMax(labels, c => counts[c], double.NegativeInfinity), "standard");
        for (var c = 0; c < labels.Length; c++)
        {
            labels[c] ??= value >= 0 && centroids[c][value] > overallMean[value] ? "mid value"
                : volume >= 0 && centroids[c][volume] > overallMean[volume] ? "mid volume"
                : "low value";
        }

        return labels!;
    }

    private static int FindFeature(IReadOnlyList<string> features, params string[] hints)
    {
        for (var i = 0; i < features.Count; i++)
        {
            if (hints.Any(h => features[i].Contains(h, StringComparison.OrdinalIgnoreCase)))
            {
                return i;
            }
        }

        return -1;
    }

    private static int ArgMax(string?[] labels, Func<int, double> score, double mustExceed)
    {
        var best = -1;
        var bestScore = mustExceed;
        for (var c = 0; c < labels.Length; c++)
        {
            var s = score(c);
            if (labels[c] is null && s > bestScore)
            {
                best = c;
                bestScore = s;
            }
        }

        return best;
    }

    private static void Assign(string?[] labels, int cluster, string label)
    {
        if (cluster >= 0)
        {
            labels[cluster] = label;
        }
    }
}
