namespace SortStation.Core.Pipeline;

/// <summary>A consistent snapshot of <see cref="SortingStatistics"/>.</summary>
public sealed record SortingSummary(
    long Items,
    long Rejects,
    IReadOnlyDictionary<string, LabelTotals> PerLabel,
    IReadOnlyDictionary<string, int> PerBin,
    decimal TotalValue,
    double MeanLatencyMs,
    double P50LatencyMs,
    double P99LatencyMs,
    double MeanInferenceMs);
