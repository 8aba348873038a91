namespace SortStation.Clustering;

/// <summary>
/// Mean silhouette coefficient, Euclidean, as scikit-learn's silhouette_score: s(i) = (b - a) / max(a, b),
/// a = mean distance to the other members of its cluster, b = lowest mean distance to another cluster,
/// s = 0 for singletons. Exact is O(n^2); above a threshold a seeded sample is scored instead, like
/// silhouette_score(sample_size=...) does.
/// </summary>
public static class Silhouette
{
    public const int DefaultThreshold = 10_000;

    public static SilhouetteEstimate Estimate(
        FeatureMatrix data, IReadOnlyList<int> labels, int threshold, ulong seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(labels);
        if (data.Rows <= threshold)
        {
            return new SilhouetteEstimate(Exact(data, labels, cancellationToken), false, data.Rows, data.Rows, seed);
        }

        // Partial Fisher-Yates: the first `threshold` slots become a uniform sample without replacement.
        var rng = new SeededRandom(seed);
        var index = new int[data.Rows];
        for (var i = 0; i < index.Length; i++)
        {
            index[i] = i;
        }

        for (var i = 0; i < threshold; i++)
        {
            var j = i + rng.NextInt(index.Length - i);
            (index[i], index[j]) = (index[j], index[i]);
        }

        var sample = index[..threshold];
        Array.Sort(sample);
        var sampleLabels = new int[threshold];
        for (var i = 0; i < threshold; i++)
        {
            sampleLabels[i] = labels[sample[i]];
        }

        var value = Exact(data.SelectRows(sample), sampleLabels, cancellationToken);
        return new SilhouetteEstimate(value, true, threshold, data.Rows, seed);
    }

    public static double Exact(FeatureMatrix data, IReadOnlyList<int> labels, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(labels);
        var n = data.Rows;
        var label = labels.ToArray();
        var k = label.Length == 0 ? 0 : label.Max() + 1;
        var counts = new int[k];
        foreach (var l in label)
        {
            counts[l]++;
        }

        var used = counts.Count(c => c > 0);
        if (used < 2 || used > n - 1)
        {
            throw new ArgumentException($"Silhouette needs 2 to n-1 clusters; got {used} for {n} points.", nameof(labels));
        }

        var s = new double[n];
        var x = data.Data;
        var d = data.Columns;
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, (n + 63) / 64, options, () => new double[k], (block, _, sums) =>
        {
            for (var i = block * 64; i < Math.Min(n, (block + 1) * 64); i++)
            {
                s[i] = Score(x, d, n, i, label, counts, sums);
            }

            return sums;
        }, _ => { });

        // Summed sequentially so the value does not depend on scheduling.
        var total = 0.0;
        foreach (var v in s)
        {
            total += v;
        }

        return total / n;
    }

    private static double Score(double[] x, int d, int n, int i, int[] label, int[] counts, double[] sums)
    {
        Array.Clear(sums);
        var off = i * d;
        for (var j = 0; j < n; j++)
        {
            var dist = 0.0;
            for (var f = 0; f < d; f++)
            {
                var diff = x[off + f] - x[(j * d) + f];
                dist += diff * diff;
            }

            sums[label[j]] += Math.Sqrt(dist);
        }

        var own = label[i];
        if (counts[own] <= 1)
        {
            return 0;
        }

        var a = sums[own] / (counts[own] - 1);
        var b = double.PositiveInfinity;
        for (var c = 0; c < counts.Length; c++)
        {
            if (c != own && counts[c] > 0)
            {
                b = Math.Min(b, sums[c] / counts[c]);
            }
        }

        var denominator = Math.Max(a, b);
        return denominator == 0 ? 0 : (b - a) / denominator;
    }
}
