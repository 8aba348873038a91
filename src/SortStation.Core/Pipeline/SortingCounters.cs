namespace SortStation.Core.Pipeline;

/// <summary>
/// Totals since start for metrics. <see cref="MissingWeights"/> counts items recorded without a weight
/// (the scale faulted or timed out). Latency and inference are Meter histograms (the host's StationMetrics).
/// </summary>
public sealed record SortingCounters(
    long Items,
    long Rejects,
    long MissingWeights,
    IReadOnlyList<LabelBinCount> PerLabelAndBin);
