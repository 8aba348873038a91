namespace SortStation.Clustering;

/// <summary>Fitted scaling parameters per feature (see <see cref="Scaler"/> for their meaning).</summary>
public sealed record ScalingSummary(string Method, IReadOnlyList<double> Center, IReadOnlyList<double> Scale);
