using System.Runtime.Intrinsics;

namespace SortStation.Clustering;

/// <summary>Vectorised k-means++ passes for two features on column copies (4 points per Vector256).</summary>
internal static class TwoFeatureSeeding
{
    /// <summary>Sum over [start, end) of min(closest[i], |x_i - c|^2): the potential if c were added.</summary>
    public static double Potential(double[] x0, double[] x1, double[] closest, double cx, double cy, int start, int end)
    {
        var i = start;
        var acc = Vector256<double>.Zero;
        if (Vector256.IsHardwareAccelerated)
        {
            var vx = Vector256.Create(cx);
            var vy = Vector256.Create(cy);
            for (; i + 4 <= end; i += 4)
            {
                var a = Vector256.Create<double>(x0.AsSpan(i, 4)) - vx;
                var b = Vector256.Create<double>(x1.AsSpan(i, 4)) - vy;
                acc += Vector256.Min(Vector256.Create<double>(closest.AsSpan(i, 4)), (a * a) + (b * b));
            }
        }

        var sum = Vector256.Sum(acc);
        for (; i < end; i++)
        {
            double a = x0[i] - cx, b = x1[i] - cy;
            sum += Math.Min(closest[i], (a * a) + (b * b));
        }

        return sum;
    }

    /// <summary>closest[i] = min(closest[i], |x_i - c|^2) (or just the distance when first); returns the chunk sum.</summary>
    public static double Update(double[] x0, double[] x1, double[] closest, double cx, double cy, int start, int end, bool first)
    {
        var i = start;
        var acc = Vector256<double>.Zero;
        if (Vector256.IsHardwareAccelerated)
        {
            var vx = Vector256.Create(cx);
            var vy = Vector256.Create(cy);
            for (; i + 4 <= end; i += 4)
            {
                var a = Vector256.Create<double>(x0.AsSpan(i, 4)) - vx;
                var b = Vector256.Create<double>(x1.AsSpan(i, 4)) - vy;
                var dist = (a * a) + (b * b);
                var updated = first ? dist : Vector256.Min(Vector256.Create<double>(closest.AsSpan(i, 4)), dist);
                updated.CopyTo(closest.AsSpan(i, 4));
                acc += updated;
            }
        }

        var sum = Vector256.Sum(acc);
        for (; i < end; i++)
        {
            double a = x0[i] - cx, b = x1[i] - cy;
            var dist = (a * a) + (b * b);
            closest[i] = first ? dist : Math.Min(closest[i], dist);
            sum += closest[i];
        }

        return sum;
    }
}
