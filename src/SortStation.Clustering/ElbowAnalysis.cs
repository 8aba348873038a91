namespace SortStation.Clustering;

/// <summary>Fits K-Means for every k in a range (same seed for each k) and locates the knee.</summary>
public static class ElbowAnalysis
{
    public static ElbowRun Run(
        FeatureMatrix scaled,
        int kMin,
        int kMax,
        KMeansOptions baseOptions,
        int? silhouetteThreshold,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scaled);
        ArgumentNullException.ThrowIfNull(baseOptions);
        if (kMin < 1 || kMax < kMin)
        {
            throw new ArgumentOutOfRangeException(nameof(kMin), "Need 1 <= kMin <= kMax.");
        }

        var points = new List<ElbowPoint>();
        var fits = new List<KMeansResult>();
        for (var k = kMin; k <= kMax; k++)
        {
            var fit = KMeans.Fit(scaled, baseOptions with { K = k }, cancellationToken);
            double? silhouette = null;
            if (silhouetteThreshold is { } threshold && k >= 2 && k < scaled.Rows)
            {
                silhouette = Silhouette.Estimate(scaled, fit.Labels, threshold, baseOptions.Seed, cancellationToken).Value;
            }

            points.Add(new ElbowPoint(k, fit.Inertia, silhouette));
            fits.Add(fit);
        }

        var knee = Kneedle.FindKnee(points.Select(p => (double)p.K).ToList(), points.Select(p => p.Sse).ToList());
        return new ElbowRun(points, fits, knee < 0 ? null : points[knee].K);
    }
}
