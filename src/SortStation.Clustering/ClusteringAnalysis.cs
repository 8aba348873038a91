namespace SortStation.Clustering;

/// <summary>Clean → (IQR) → scale → elbow / fixed k → silhouette → profiles. Pure: no I/O.</summary>
public static class ClusteringAnalysis
{
    public static AnalysisResult Run(
        RawTable table,
        AnalysisOptions options,
        IReadOnlyList<DroppedRow>? alreadyDropped = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var cleaned = Cleaner.Clean(table, options.DropDuplicates);
        var dropped = new List<DroppedRow>(alreadyDropped ?? []);
        dropped.AddRange(cleaned.Report.Dropped);
        var data = cleaned.Dataset;
        if (options.Outliers == OutlierFilter.Iqr && data.Count > 0)
        {
            var (kept, outliers) = IqrFilter.Apply(data, options.IqrFactor);
            data = kept;
            dropped.AddRange(outliers);
        }

        var scaler = Scaler.Fit(data.Features, options.Scaling);
        var scaled = scaler.Transform(data.Features);
        var (kMin, kMax) = KRange(options, scaled);
        var kmeans = new KMeansOptions { NInit = options.NInit, MaxIterations = options.MaxIterations, Seed = options.Seed };
        var elbow = ElbowAnalysis.Run(scaled, kMin, kMax, kmeans, options.SilhouetteThreshold, cancellationToken);

        var (index, selection) = Choose(options, elbow);
        var fit = elbow.Fits[index];
        var silhouette = Silhouette.Estimate(scaled, fit.Labels, options.SilhouetteThreshold, options.Seed, cancellationToken);
        var profiles = ClusterProfiler.Profile(data, fit, scaler);
        return new AnalysisResult
        {
            Records = data.Count,
            InputRows = table.Records.Count + (alreadyDropped?.Count ?? 0),
            Dropped = DropSummary.From(dropped),
            Features = table.FeatureNames,
            Scaling = new ScalingSummary(ScalingName(options.Scaling), scaler.Center, scaler.Scale),
            Elbow = elbow.Points,
            ChosenK = fit.K,
            KSelection = selection,
            Silhouette = silhouette.Value,
            SilhouetteMethod = silhouette.Method,
            Seed = options.Seed,
            Clusters = profiles,
            Assignments = data.Count <= options.MaxAssignments
                ? [.. Enumerable.Range(0, data.Count).Select(i => new Assignment(data.Lines[i], data.ItemTypes[i], fit.LabelData[i]))]
                : null,
            Data = data,
            Fit = fit,
            Predictor = new ClusterPredictor(scaler, fit, profiles),
        };
    }

    // k is capped by the number of distinct points (k-means cannot place more centres) and n - 1 (silhouette).
    private static (int KMin, int KMax) KRange(AnalysisOptions options, FeatureMatrix scaled)
    {
        var requestedMax = options.FixedK ?? options.KMax;
        var distinct = DistinctRows(scaled, requestedMax);
        var cap = Math.Min(distinct, scaled.Rows - 1);
        if (cap < 2)
        {
            throw new InvalidOperationException($"Need at least 3 records with 2 distinct points to cluster; have {scaled.Rows}.");
        }

        if (options.FixedK is { } k)
        {
            return k > cap || k < 2
                ? throw new InvalidOperationException($"k = {k} is not possible: at most {cap} clusters for this data.")
                : (k, k);
        }

        var kMin = Math.Max(2, options.KMin);
        return kMin > cap
            ? throw new InvalidOperationException($"k range starts at {kMin}, but at most {cap} clusters are possible for this data.")
            : (kMin, Math.Min(options.KMax, cap));
    }

    public static string ScalingName(ScalingMethod method) => method switch
    {
        ScalingMethod.Standard => "standard",
        ScalingMethod.MinMax => "minmax",
        _ => "none",
    };

    private static int DistinctRows(FeatureMatrix m, int stopAfter)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < m.Rows && seen.Count <= stopAfter; i++)
        {
            seen.Add(string.Join('|', m.Row(i).ToArray()));
        }

        return seen.Count;
    }

    private static (int Index, string Selection) Choose(AnalysisOptions options, ElbowRun elbow)
    {
        if (options.FixedK is not null)
        {
            return (0, "fixed");
        }

        if (elbow.KneeK is { } knee)
        {
            return (knee - elbow.Points[0].K, "kneedle");
        }

        // No knee (curve not convex): fall back to the best silhouette.
        var best = 0;
        for (var i = 1; i < elbow.Points.Count; i++)
        {
            if ((elbow.Points[i].Silhouette ?? double.MinValue) > (elbow.Points[best].Silhouette ?? double.MinValue))
            {
                best = i;
            }
        }

        return (best, "silhouette (no knee)");
    }
}
