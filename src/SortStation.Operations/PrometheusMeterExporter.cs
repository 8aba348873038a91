using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Prometheus;

namespace SortStation.Operations;

/// <summary>
/// Exports the instruments of this host's <see cref="Meter"/>s (those its <see cref="IMeterFactory"/> created)
/// in Prometheus text format through prometheus-net. The instruments are the platform's; prometheus-net
/// owns the exposition format (HELP/TYPE, escaping, cumulative buckets).
/// </summary>
/// <remarks>
/// Why not prometheus-net's own MeterAdapter: it exports every .NET counter as a gauge, sorts the labels, appends
/// the instrument type to HELP, lets series expire while they do not change (a rarely rising counter such as
/// missed gates would vanish), and listens to every Meter in the process (tests run several hosts in one). This
/// listener keeps counters counters, labels in the order the instrument reports them, series for the life of the
/// host, and only this host's meters. The instrument name is the metric name (e.g. sortstation_items_total);
/// histogram buckets come from the instrument's advice.
/// </remarks>
public sealed class PrometheusMeterExporter : IDisposable
{
    private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();
    private readonly IMetricFactory _factory;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, PrometheusFamily> _families = new();
    private readonly Lock _collect = new();

    public PrometheusMeterExporter(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _factory = Metrics.WithCustomRegistry(_registry);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // The host's factory also creates ASP.NET Core's and the runtime's meters (http.server.*, dotted names
            // Prometheus refuses): only the project's own meters are exported.
            if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Meter.Name.StartsWith(OwnMeterPrefix, StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    /// <summary>The prefix of every meter this project creates (SortStation.Station, SortStation.Central, …).</summary>
    public const string OwnMeterPrefix = "SortStation";

    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Observes the observable instruments and writes every family.</summary>
    public async Task WriteAsync(Stream destination, CancellationToken ct)
    {
        lock (_collect)
        {
            // Observed here rather than in a prometheus-net before-collect callback, so that series an observable
            // instrument no longer reports (a swapped-out model) are removed in the same step.
            foreach (var family in _families.Values)
            {
                family.BeginObservation();
            }

            _listener.RecordObservableInstruments();
            foreach (var family in _families.Values)
            {
                family.EndObservation();
            }
        }

        await _registry.CollectAndExportAsTextAsync(destination, ct);
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var names = new string[tags.Length];
        var values = new string[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            (names[i], values[i]) = (tags[i].Key, Convert.ToString(tags[i].Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        }

        try
        {
            _families.GetOrAdd(instrument, i => PrometheusFamily.Create(_factory, i, names)).Record(names, values, value);
        }
#pragma warning disable CA1031 // This runs inside the instrument's Add/Record: a metrics fault must never reach the code that counted (the sorting loop).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            System.Diagnostics.Trace.WriteLine($"Metric {instrument.Name} not exported: {ex.Message}");
        }
    }
}
