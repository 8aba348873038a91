namespace SortStation.Clustering;

/// <summary>Builds the published-style cluster table (count, mean/min/max, centroid, label).</summary>
public static class ClusterProfiler
{
    public static IReadOnlyList<ClusterProfile> Profile(Dataset data, KMeansResult fit, Scaler scaler)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(scaler);
        var m = data.Features;
        var (k, d) = (fit.K, m.Columns);
        var counts = new int[k];
        var sum = new double[k * d];
        var min = Enumerable.Repeat(double.PositiveInfinity, k * d).ToArray();
        var max = Enumerable.Repeat(double.NegativeInfinity, k * d).ToArray();
        var overall = new double[d];
        for (var i = 0; i < m.Rows; i++)
        {
            var c = fit.LabelData[i];
            counts[c]++;
            for (var j = 0; j < d; j++)
            {
                var v = m[i, j];
                sum[(c * d) + j] += v;
                min[(c * d) + j] = Math.Min(min[(c * d) + j], v);
                max[(c * d) + j] = Math.Max(max[(c * d) + j], v);
                overall[j] += v / m.Rows;
            }
        }

        var centroids = new double[k][];
        for (var c = 0; c < k; c++)
        {
            centroids[c] = new double[d];
            scaler.InverseTransformPoint(fit.Centroid(c), centroids[c]);
        }

        var labels = ClusterLabeler.Label(m.Names, centroids, counts, overall);
        var profiles = new List<ClusterProfile>(k);
        for (var c = 0; c < k; c++)
        {
            var n = Math.Max(1, counts[c]);
            profiles.Add(new ClusterProfile(
                c,
                counts[c],
                labels[c],
                Named(m.Names, j => centroids[c][j]),
                Named(m.Names, j => sum[(c * d) + j] / n),
                Named(m.Names, j => counts[c] == 0 ? 0 : min[(c * d) + j]),
                Named(m.Names, j => counts[c] == 0 ? 0 : max[(c * d) + j])));
        }

        return profiles;
    }

    private static Dictionary<string, double> Named(IReadOnlyList<string> names, Func<int, double> value)
    {
        var result = new Dictionary<string, double>(names.Count, StringComparer.Ordinal);
        for (var j = 0; j < names.Count; j++)
        {
            result[names[j]] = value(j);
        }

        return result;
    }
}
