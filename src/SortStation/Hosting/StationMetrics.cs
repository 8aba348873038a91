using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SortStation.Core.Alarms;
using SortStation.Core.Pipeline;
using SortStation.Core.Timing;
using SortStation.Telemetry;
using SortStation.Vision;
using SortStation.Outbox;

namespace SortStation.Hosting;

/// <summary>
/// The station's instruments on System.Diagnostics.Metrics, all named sortstation_… as they appear on /metrics.
/// Totals the station already keeps are observed at each scrape; latency and inference are histograms
/// recorded per item. Hosted so the instruments exist from the start, before the first scrape.
/// </summary>
internal sealed class StationMetrics : IHostedService, IDisposable
{
    private readonly Meter _meter;
    private readonly SortingStatistics _statistics;
    private readonly Histogram<double> _latency;
    private readonly Histogram<double> _inference;

    public StationMetrics(IMeterFactory meters, SortingStatistics statistics, SortingRun run, WatchdogFeeder watchdog, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create("SortStation.Station");
        _statistics = statistics;
        var buckets = new InstrumentAdvice<double> { HistogramBucketBoundaries = SortingStatistics.HistogramBoundsSeconds };
        _latency = _meter.CreateHistogram("sortstation_item_latency_seconds", "s", "Trigger to weighing in the outbox, per item.", advice: buckets);
        _inference = _meter.CreateHistogram("sortstation_inference_seconds", "s", "Model inference time per frame.", advice: buckets);
        statistics.Recorded += OnRecorded;

        Counter("sortstation_items_total", "Items sorted, by model label and bin.", () => statistics.Counters().PerLabelAndBin.Select(p => M(p.Count, ("label", p.Label), ("bin", p.Bin))));
        Counter("sortstation_rejects_total", "Items sent to the reject bin (low confidence, unknown label, no frame).", () => [M(statistics.Counters().Rejects)]);
        Counter("sortstation_scale_faults_total", "Items recorded without a weight (scale fault, overload or no stable reading).", () => [M(statistics.Counters().MissingWeights)]);
        Gauge("sortstation_item_in_progress_seconds", "How long the item now in the pipeline has been there; 0 when idle.", () => [M(run.ItemInProgressFor?.TotalSeconds ?? 0)]);
        Gauge("sortstation_watchdog_alive", "1 while the sorting loop counts as alive and the systemd watchdog is fed.", () => [M(watchdog.Last.Alive ? 1 : 0)]);

        // Every gate from the start (0 included), so a rate alert has a series before the first miss.
        Counter("sortstation_missed_gates_total", "Items whose gate could not start before they passed it (gate busy, or routed too late): recorded to Sorting:EndOfBeltBin with reason missed-gate.", () =>
            services.GetService<GateScheduler>() is { } s ? s.Gates.Select(g => M(s.Statistics.Missed().GetValueOrDefault(g.Bin), ("bin", g.Bin))) : []);
        Counter("sortstation_gate_fires_lost_total", "Booked gate fires that did not happen (late, paused, fault, stopped): those items' records name a bin they did not reach.", () =>
            services.GetService<GateScheduler>()?.Statistics.Lost().Select(l => M(l.Value, ("bin", l.Key.Bin), ("cause", l.Key.Loss.ToString().ToLowerInvariant()))) ?? []);

        Gauge("sortstation_outbox_depth", "Weighings in the outbox not yet acknowledged by the broker.", () => Of<IOutboxStore>(services, o => o.Pending));
        Counter("sortstation_outbox_dropped_total", "Weighings lost to the outbox quota.", () => Of<IOutboxStore>(services, o => o.Dropped));
        Gauge("sortstation_outbox_held", "Weighings kept in memory because their commit failed (disk full, I/O error), waiting for a retry.", () => Of<IOutboxStore>(services, o => o.Held));
        Counter("sortstation_outbox_write_failed_total", "Weighings lost because no commit succeeded for them.", () => Of<IOutboxStore>(services, o => o.WriteFailed));
        Counter("sortstation_outbox_write_errors_total", "Outbox commits that failed, retries included.", () => Of<IOutboxStore>(services, o => o.WriteErrors));

        Gauge("sortstation_alarm_active", "1 while the alarm is active (jam, backlog and outbox-write-failed stop sorting; missed-gate and gate-fire-lost do not).", () =>
            services.GetService<StationAlarms>()?.Snapshot().Active.Select(a => a.Code).ToHashSet() is { } active ? AlarmCodes.All.Select(c => M(active.Contains(c) ? 1 : 0, ("code", c))) : []);
        Counter("sortstation_alarms_total", "Alarms raised since start, by code.", () =>
            services.GetService<StationAlarms>() is { } alarms ? AlarmCodes.All.Select(c => M(alarms.RaisedCount(c), ("code", c))) : []);

        Counter("sortstation_items_unsorted_total", "Items that passed unsorted (no gate, no record): seen during an e-stop or a soft stop.", () => [M(run.UnsortedAtEStop, ("cause", "e-stop")), M(run.UnsortedAtSoftStop, ("cause", "soft-stop"))]);
        Gauge("sortstation_idle", "1 while no item has come for Trigger:IdleSeconds (not an error).", () => Of<IdleWatch>(services, i => i.IsIdle ? 1 : 0));
        Counter("sortstation_idle_periods_total", "Idle periods since start.", () => Of<IdleWatch>(services, i => i.Periods));

        Counter("sortstation_published_total", "Weighings acknowledged by the broker (PUBACK).", () => Of<MqttPublisher>(services, p => p.Acknowledged));
        Counter("sortstation_publish_failures_total", "Failed publishes and connection attempts.", () => Of<MqttPublisher>(services, p => p.Failures));
        Gauge("sortstation_broker_connected", "1 while connected to the MQTT broker.", () => Of<MqttPublisher>(services, p => p.IsConnected ? 1 : 0));

        Gauge("sortstation_model_info", "The model in use (always 1; the model label carries name@version).", () =>
            services.GetService<SwappableClassifier>() is { } m ? [M(1, ("model", m.Model.Id))] : []);
        Counter("sortstation_model_swaps_total", "Models swapped in while running.", () => Of<SwappableClassifier>(services, m => m.Swaps));
        Counter("sortstation_model_refusals_total", "Candidate models refused (failed to load or to classify the sample frame).", () => Of<SwappableClassifier>(services, m => m.Refusals));
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _statistics.Recorded -= OnRecorded;
        _meter.Dispose();
    }

    private void OnRecorded(SortOutcome outcome)
    {
        _latency.Record(outcome.Latency.TotalSeconds);
        if (outcome.InferenceTime is { } inference)
        {
            _inference.Record(inference.TotalSeconds);
        }
    }

    private void Counter(string name, string help, Func<IEnumerable<Measurement<double>>> observe) =>
        _meter.CreateObservableCounter(name, observe, description: help);

    private void Gauge(string name, string help, Func<IEnumerable<Measurement<double>>> observe) =>
        _meter.CreateObservableGauge(name, observe, description: help);

    /// <summary>One measurement of a service the host may not have (a bench without outbox or broker): none then.</summary>
    private static IEnumerable<Measurement<double>> Of<T>(IServiceProvider services, Func<T, double> value)
        where T : class => services.GetService<T>() is { } service ? [M(value(service))] : [];

    private static Measurement<double> M(double value, params (string Name, string Value)[] tags) =>
        new(value, tags.Select(t => KeyValuePair.Create(t.Name, (object?)t.Value)));
}
