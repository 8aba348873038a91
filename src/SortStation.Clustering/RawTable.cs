namespace SortStation.Clustering;

/// <summary>Uncoerced rows; <see cref="RawRecord.Values"/> are aligned with <see cref="FeatureNames"/>.</summary>
public sealed record RawTable(IReadOnlyList<string> FeatureNames, IReadOnlyList<RawRecord> Records);
