using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SortStation.Clustering;

/// <summary>
/// Assignment step for the common two-feature case on column (SoA) copies of the data: distances
/// to all centres for 4 points at once with Vector256, then scalar accumulation in point order.
/// Each lane accumulates into its own bank of sums/counts (reduced in fixed order at the end) so
/// consecutive points of the same cluster do not serialise on one memory location.
/// </summary>
internal static class TwoFeatureKernel
{
    public static long Assign(
        double[] x0, double[] x1, double[] centers, int k, int start, int end,
        int[] labels, Span<double> sums, Span<long> counts, out double inertia)
    {
        var changed = 0L;
        var total = 0.0;
        var i = start;
        if (Vector256.IsHardwareAccelerated && k <= 64)
        {
            Span<double> dist4 = stackalloc double[4];
            Span<double> idx4 = stackalloc double[4];
            Span<double> bankSums = stackalloc double[4 * 2 * k];
            Span<long> bankCounts = stackalloc long[4 * k];
            bankSums.Clear();
            bankCounts.Clear();
            for (; i + 4 <= end; i += 4)
            {
                var px = Vector256.Create<double>(x0.AsSpan(i, 4));
                var py = Vector256.Create<double>(x1.AsSpan(i, 4));
                var best = Vector256.Create(double.PositiveInfinity);
                var bestIdx = Vector256<double>.Zero;
                for (var c = 0; c < k; c++)
                {
                    var a = px - Vector256.Create(centers[2 * c]);
                    var b = py - Vector256.Create(centers[(2 * c) + 1]);
                    var dist = (a * a) + (b * b);
                    var closer = Vector256.LessThan(dist, best);
                    best = Vector256.ConditionalSelect(closer, dist, best);
                    bestIdx = Vector256.ConditionalSelect(closer, Vector256.Create((double)c), bestIdx);
                }

                best.CopyTo(dist4);
                bestIdx.CopyTo(idx4);
                for (var lane = 0; lane < 4; lane++)
                {
                    changed += Accumulate(x0, x1, i + lane, (int)idx4[lane], labels, sums, counts);
                    total += dist4[lane];
                }
            }

        }

        for (; i < end; i++)
        {
            double p0 = x0[i], p1 = x1[i];
            var best = 0;
            var bestDist = double.PositiveInfinity;
            for (var c = 0; c < k; c++)
            {
                double a = p0 - centers[2 * c], b = p1 - centers[(2 * c) + 1];
                var dist = (a * a) + (b * b);
                if (dist < bestDist)
                {
                    bestDist = dist;
                    best = c;
                }
            }

            changed += Accumulate(x0, x1, i, best, labels, sums, counts);
            total += bestDist;
        }

        inertia = total;
        return changed;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Accumulate(double[] x0, double[] x1, int i, int best, int[] labels, Span<double> sums, Span<long> counts)
    {
        var moved = labels[i] != best ? 1 : 0;
        labels[i] = best;
        counts[best]++;
        sums[2 * best] += x0[i];
        sums[(2 * best) + 1] += x1[i];
        return moved;
    }
}
