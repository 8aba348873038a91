namespace SortStation.Clustering;

/// <summary>Assignment step for any feature count on row-major data; accumulates sums in the same sweep.</summary>
internal static class GenericKernel
{
    public static long Assign(
        double[] x, int d, double[] centers, int k, int start, int end,
        int[] labels, Span<double> sums, Span<long> counts, out double inertiaSum)
    {
        var inertia = 0.0;
        var changed = 0L;
        for (var i = start; i < end; i++)
        {
            var off = i * d;
            var best = 0;
            var bestDist = double.PositiveInfinity;
            for (var c = 0; c < k; c++)
            {
                var dist = KMeansPlusPlus.Distance(x, off, centers, c * d, d);
                if (dist < bestDist)
                {
                    bestDist = dist;
                    best = c;
                }
            }

            if (labels[i] != best)
            {
                changed++;
                labels[i] = best;
            }

            inertia += bestDist;
            counts[best]++;
            for (var j = 0; j < d; j++)
            {
                sums[(best * d) + j] += x[off + j];
            }
        }

        inertiaSum = inertia;
        return changed;
    }
}
