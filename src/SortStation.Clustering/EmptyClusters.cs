namespace SortStation.Clustering;

/// <summary>Like scikit-learn: an empty cluster takes the point farthest from its own centre.</summary>
internal static class EmptyClusters
{
    public static void Relocate(double[] x, int n, int d, int k, int[] labels, double[] centers, double[] sums, long[] counts)
    {
        for (var c = 0; c < k; c++)
        {
            if (counts[c] > 0)
            {
                continue;
            }

            var far = -1;
            var farDist = -1.0;
            for (var i = 0; i < n; i++)
            {
                var own = labels[i];
                if (counts[own] <= 1)
                {
                    continue;
                }

                var dist = KMeansPlusPlus.Distance(x, i * d, centers, own * d, d);
                if (dist > farDist)
                {
                    farDist = dist;
                    far = i;
                }
            }

            if (far < 0)
            {
                // Fewer distinct points than clusters: keep the old centre.
                counts[c] = 1;
                Array.Copy(centers, c * d, sums, c * d, d);
                continue;
            }

            var old = labels[far];
            for (var j = 0; j < d; j++)
            {
                sums[(old * d) + j] -= x[(far * d) + j];
                sums[(c * d) + j] = x[(far * d) + j];
            }

            counts[old]--;
            counts[c] = 1;
            labels[far] = c;
        }
    }
}
