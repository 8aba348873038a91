namespace SortStation.Clustering;

/// <summary>
/// Kneedle (Satopaa et al., 2011) for a decreasing, convex SSE(k) curve: normalise k and SSE to [0, 1]
/// and take the point farthest below the chord from the first to the last point, i.e. the maximum of
/// (1 - sse_norm) - k_norm. Returns -1 when no point lies below the chord (no knee).
/// </summary>
public static class Kneedle
{
    public static int FindKnee(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count < 3 || x.Count != y.Count)
        {
            return -1;
        }

        double xMin = x.Min(), xMax = x.Max(), yMin = y.Min(), yMax = y.Max();
        if (xMax == xMin || yMax == yMin)
        {
            return -1;
        }

        var best = -1;
        var bestDiff = 1e-12;
        for (var i = 0; i < x.Count; i++)
        {
            var xn = (x[i] - xMin) / (xMax - xMin);
            var yn = (y[i] - yMin) / (yMax - yMin);
            var diff = 1 - yn - xn;
            if (diff > bestDiff)
            {
                bestDiff = diff;
                best = i;
            }
        }

        return best;
    }
}
