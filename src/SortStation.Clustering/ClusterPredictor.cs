namespace SortStation.Clustering;

/// <summary>Assigns a new record (original units, feature order) to the nearest fitted centroid.</summary>
public sealed class ClusterPredictor
{
    private readonly Scaler _scaler;
    private readonly KMeansResult _fit;
    private readonly IReadOnlyList<ClusterProfile> _profiles;

    public ClusterPredictor(Scaler scaler, KMeansResult fit, IReadOnlyList<ClusterProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(scaler);
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(profiles);
        (_scaler, _fit, _profiles) = (scaler, fit, profiles);
    }

    public ClusterPrediction Predict(ReadOnlySpan<double> record)
    {
        if (record.Length != _fit.Dimensions)
        {
            throw new ArgumentException($"Expected {_fit.Dimensions} feature values.", nameof(record));
        }

        Span<double> scaled = stackalloc double[record.Length];
        _scaler.TransformPoint(record, scaled);
        var id = KMeans.Nearest(_fit, scaled);
        return new ClusterPrediction(id, _profiles[id].Label);
    }
}
