namespace SortStation.Kernel.Metrics;

/// <summary>
/// A histogram as counted: <see cref="Counts"/>[i] holds the values in (bound i-1, bound i]; the last
/// entry holds those above every bound. Sum in seconds.
/// </summary>
public sealed record HistogramSnapshot(IReadOnlyList<double> BoundsSeconds, IReadOnlyList<long> Counts, double SumSeconds, long Count);
