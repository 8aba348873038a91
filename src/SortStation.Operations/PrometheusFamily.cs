using System.Diagnostics.Metrics;
using Prometheus;

namespace SortStation.Operations;

/// <summary>One instrument as a prometheus-net metric family; its label names are those of its first measurement.</summary>
internal sealed class PrometheusFamily
{
    private readonly Instrument _instrument;
    private readonly Collector _collector;
    private readonly string[] _labelNames;
    private readonly HashSet<string> _observed = new(StringComparer.Ordinal);
    private bool _observing;

    private PrometheusFamily(Instrument instrument, Collector collector, string[] labelNames) =>
        (_instrument, _collector, _labelNames) = (instrument, collector, labelNames);

    public static PrometheusFamily Create(IMetricFactory factory, Instrument instrument, string[] labelNames)
    {
        var help = instrument.Description ?? instrument.Name;
        Collector collector = instrument switch
        {
            Counter<long> or Counter<int> or Counter<double> or ObservableCounter<long> or ObservableCounter<int> or ObservableCounter<double>
                => factory.CreateCounter(instrument.Name, help, labelNames),
            Histogram<double> h => factory.CreateHistogram(instrument.Name, help, labelNames, new HistogramConfiguration { Buckets = h.Advice?.HistogramBucketBoundaries?.ToArray() }),
            Histogram<long> h => factory.CreateHistogram(instrument.Name, help, labelNames, new HistogramConfiguration { Buckets = h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray() }),
            _ => factory.CreateGauge(instrument.Name, help, labelNames),
        };
        return new PrometheusFamily(instrument, collector, labelNames);
    }

    public void BeginObservation()
    {
        _observing = true;
        _observed.Clear();
    }

    /// <summary>An observable gauge's series that its callback no longer reported are removed.</summary>
    public void EndObservation()
    {
        // A family created during this observation was not begun: what it saw is not recorded, so nothing is swept.
        var begun = _observing;
        _observing = false;
        if (begun && _instrument.IsObservable && _collector is Gauge gauge && _labelNames.Length > 0)
        {
            foreach (var labels in gauge.GetAllLabelValues().Where(l => !_observed.Contains(Key(l))).ToArray())
            {
                gauge.RemoveLabelled(labels);
            }
        }
    }

    public void Record(string[] names, string[] values, double value)
    {
        // Tags are matched by name: an instrument may report them in another order than its first measurement.
        var ordered = names.SequenceEqual(_labelNames) ? values : [.. _labelNames.Select(n => Array.IndexOf(names, n) is var i and >= 0 ? values[i] : string.Empty)];
        if (_observing)
        {
            _observed.Add(Key(ordered));
        }

        switch (_collector)
        {
            case Counter counter when _instrument.IsObservable:
                counter.WithLabels(ordered).IncTo(value);
                break;
            case Counter counter:
                counter.WithLabels(ordered).Inc(value);
                break;
            case Histogram histogram:
                histogram.WithLabels(ordered).Observe(value);
                break;
            case Gauge gauge when _instrument.IsObservable:
                gauge.WithLabels(ordered).Set(value);
                break;
            case Gauge gauge:
                gauge.WithLabels(ordered).Inc(value); // an UpDownCounter's measurement is a change
                break;
        }
    }

    private static string Key(string[] values) => string.Join('\u001f', values);
}
