namespace SortStation.Clustering;

/// <summary>K-Means (Lloyd) with greedy k-means++ seeding and n_init restarts; deterministic per seed.</summary>
public static class KMeans
{
    public static KMeansResult Fit(FeatureMatrix data, KMeansOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        if (options.K < 1 || options.K > data.Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"K must be between 1 and the row count ({data.Rows}).");
        }

        var (x, n, d, k) = (data.Data, data.Rows, data.Columns, options.K);
        var tolerance = MeanVariance(data) * options.Tolerance;
        var runner = new LloydRunner(x, n, d, k);
        KMeansResult? best = null;
        for (var init = 0; init < Math.Max(1, options.NInit); init++)
        {
            var rng = SeededRandom.Derive(options.Seed, (ulong)init);
            var centers = KMeansPlusPlus.Seed(x, runner.Columns, n, d, k, rng, cancellationToken);
            var run = runner.Run(centers, options.MaxIterations, tolerance, cancellationToken);
            if (best is null || run.Inertia < best.Inertia)
            {
                best = run;
            }
        }

        return best!;
    }

    /// <summary>Index of the nearest centroid (squared Euclidean) to an already scaled point.</summary>
    public static int Nearest(KMeansResult model, ReadOnlySpan<double> scaledPoint)
    {
        ArgumentNullException.ThrowIfNull(model);
        var best = 0;
        var bestDist = double.PositiveInfinity;
        for (var c = 0; c < model.K; c++)
        {
            var centroid = model.Centroid(c);
            var dist = 0.0;
            for (var j = 0; j < centroid.Length; j++)
            {
                var diff = scaledPoint[j] - centroid[j];
                dist += diff * diff;
            }

            if (dist < bestDist)
            {
                bestDist = dist;
                best = c;
            }
        }

        return best;
    }

    private static double MeanVariance(FeatureMatrix data)
    {
        var total = 0.0;
        for (var j = 0; j < data.Columns; j++)
        {
            var column = data.Column(j);
            var mean = column.Average();
            var variance = 0.0;
            foreach (var v in column)
            {
                variance += (v - mean) * (v - mean);
            }

            total += variance / column.Length;
        }

        return total / data.Columns;
    }
}
