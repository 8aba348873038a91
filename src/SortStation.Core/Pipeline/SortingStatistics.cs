namespace SortStation.Core.Pipeline;

/// <summary>
/// Running totals of the sorting loop, for the demo summary and health. Bounded memory: latency
/// percentiles come from the most recent <see cref="LatencyWindow"/> items.
/// </summary>
public sealed class SortingStatistics
{
    public const int LatencyWindow = 10_000;

    /// <summary>Upper bounds (seconds) of the station's latency and inference histograms: a few ms to a few seconds.</summary>
    public static IReadOnlyList<double> HistogramBoundsSeconds { get; } = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LabelTotals> _perLabel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _perBin = new(StringComparer.Ordinal);
    private readonly double[] _latencyMs = new double[LatencyWindow];
    private long _items;
    private long _rejects;
    private decimal _totalValue;
    private double _latencySumMs;
    private double _inferenceSumMs;
    private long _inferenceCount;
    private readonly Dictionary<(string Label, string Bin), long> _perLabelBin = [];
    private long _missingWeights;

    /// <summary>Raised after each item is counted (the station's latency and inference histograms).</summary>
    public event Action<SortOutcome>? Recorded;

    public void Record(SortOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Count(outcome);
        Recorded?.Invoke(outcome);
    }

    private void Count(SortOutcome outcome)
    {
        var r = outcome.Record;
        lock (_gate)
        {
            _latencyMs[_items % LatencyWindow] = outcome.Latency.TotalMilliseconds;
            _items++;
            _latencySumMs += outcome.Latency.TotalMilliseconds;
            if (outcome.Decision.IsReject)
            {
                _rejects++;
            }

            if (outcome.InferenceTime is { } inference)
            {
                _inferenceSumMs += inference.TotalMilliseconds;
                _inferenceCount++;
            }

            if (r.WeightKg is null)
            {
                _missingWeights++;
            }

            _perLabelBin[(r.Label, r.Bin)] = _perLabelBin.GetValueOrDefault((r.Label, r.Bin)) + 1;

            _perBin[r.Bin] = _perBin.GetValueOrDefault(r.Bin) + 1;
            _perLabel[r.Label] = _perLabel.GetValueOrDefault(r.Label, LabelTotals.Empty).Add(r.WeightKg, r.Value);
            _totalValue += r.Value ?? 0;
        }
    }

    public SortingSummary Snapshot()
    {
        lock (_gate)
        {
            var n = (int)Math.Min(_items, LatencyWindow);
            var window = _latencyMs.AsSpan(0, n).ToArray();
            Array.Sort(window);
            return new SortingSummary(
                _items,
                _rejects,
                new Dictionary<string, LabelTotals>(_perLabel),
                new Dictionary<string, int>(_perBin),
                _totalValue,
                _items == 0 ? 0 : _latencySumMs / _items,
                Percentile(window, 0.50),
                Percentile(window, 0.99),
                _inferenceCount == 0 ? 0 : _inferenceSumMs / _inferenceCount);
        }
    }

    /// <summary>Monotonic counters for metrics (Prometheus): never reset, unlike a window.</summary>
    public SortingCounters Counters()
    {
        lock (_gate)
        {
            return new SortingCounters(
                _items,
                _rejects,
                _missingWeights,
                _perLabelBin.Select(p => new LabelBinCount(p.Key.Label, p.Key.Bin, p.Value)).ToArray());
        }
    }

    /// <summary>Nearest-rank percentile of an ascending array.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
