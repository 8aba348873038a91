namespace SortStation.Clustering;

/// <summary>
/// Greedy k-means++ seeding as in scikit-learn: each new centre is the best of 2 + ln(k) candidates
/// drawn with probability proportional to D(x)^2, "best" meaning the lowest resulting potential.
/// </summary>
internal static class KMeansPlusPlus
{
    /// <param name="columns">Column copies of a two-feature matrix for the vectorised path, else null.</param>
    public static double[] Seed(
        double[] x, (double[] X0, double[] X1)? columns, int n, int d, int k, SeededRandom rng, CancellationToken cancellationToken)
    {
        var centers = new double[k * d];
        var trials = 2 + (int)Math.Log(k);
        var closest = new double[n];
        var chunkPot = new double[ChunkRunner.ChunkCount(n)];
        var candidatePot = new double[chunkPot.Length * trials];
        var candidates = new int[trials];

        Array.Copy(x, rng.NextInt(n) * d, centers, 0, d);
        UpdateClosest(x, columns, n, d, centers, 0, closest, chunkPot, true, cancellationToken);
        for (var c = 1; c < k; c++)
        {
            var pot = Sum(chunkPot);
            for (var t = 0; t < trials; t++)
            {
                candidates[t] = SampleIndex(closest, chunkPot, rng.NextDouble() * pot);
            }

            ChunkRunner.For(n, (chunk, start, end) =>
            {
                for (var t = 0; t < trials; t++)
                {
                    var off = candidates[t] * d;
                    if (columns is var (x0, x1))
                    {
                        candidatePot[(chunk * trials) + t] = TwoFeatureSeeding.Potential(x0, x1, closest, x[off], x[off + 1], start, end);
                        continue;
                    }

                    var sum = 0.0;
                    for (var i = start; i < end; i++)
                    {
                        sum += Math.Min(closest[i], Distance(x, i * d, x, off, d));
                    }

                    candidatePot[(chunk * trials) + t] = sum;
                }
            }, cancellationToken);

            var best = BestCandidate(candidatePot, chunkPot.Length, trials);
            Array.Copy(x, candidates[best] * d, centers, c * d, d);
            UpdateClosest(x, columns, n, d, centers, c, closest, chunkPot, false, cancellationToken);
        }

        return centers;
    }

    internal static double Distance(double[] a, int aOff, double[] b, int bOff, int d)
    {
        var sum = 0.0;
        for (var j = 0; j < d; j++)
        {
            var diff = a[aOff + j] - b[bOff + j];
            sum += diff * diff;
        }

        return sum;
    }

    private static void UpdateClosest(
        double[] x, (double[] X0, double[] X1)? columns, int n, int d, double[] centers, int c, double[] closest, double[] chunkPot, bool first, CancellationToken ct)
    {
        ChunkRunner.For(n, (chunk, start, end) =>
        {
            if (columns is var (x0, x1))
            {
                chunkPot[chunk] = TwoFeatureSeeding.Update(x0, x1, closest, centers[2 * c], centers[(2 * c) + 1], start, end, first);
                return;
            }

            var sum = 0.0;
            for (var i = start; i < end; i++)
            {
                var dist = Distance(x, i * d, centers, c * d, d);
                closest[i] = first ? dist : Math.Min(closest[i], dist);
                sum += closest[i];
            }

            chunkPot[chunk] = sum;
        }, ct);
    }

    // Inverse-CDF sampling: first index whose running sum reaches target (numpy searchsorted, side='left').
    private static int SampleIndex(double[] closest, double[] chunkPot, double target)
    {
        var acc = 0.0;
        for (var c = 0; c < chunkPot.Length; c++)
        {
            if (acc + chunkPot[c] < target && c < chunkPot.Length - 1)
            {
                acc += chunkPot[c];
                continue;
            }

            var start = c * ChunkRunner.ChunkSize;
            var end = Math.Min(closest.Length, start + ChunkRunner.ChunkSize);
            for (var i = start; i < end; i++)
            {
                acc += closest[i];
                if (acc >= target)
                {
                    return i;
                }
            }

            return end - 1;
        }

        return closest.Length - 1;
    }

    private static int BestCandidate(double[] candidatePot, int chunks, int trials)
    {
        var best = 0;
        var bestPot = double.PositiveInfinity;
        for (var t = 0; t < trials; t++)
        {
            var pot = 0.0;
            for (var chunk = 0; chunk < chunks; chunk++)
            {
                pot += candidatePot[(chunk * trials) + t];
            }

            if (pot < bestPot)
            {
                bestPot = pot;
                best = t;
            }
        }

        return best;
    }

    private static double Sum(double[] values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum;
    }
}
