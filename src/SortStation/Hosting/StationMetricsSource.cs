using Microsoft.Extensions.DependencyInjection;
using SortStation.Core.Alarms;
using SortStation.Core.Pipeline;
using SortStation.Core.Timing;
using SortStation.Operations;
using SortStation.Outbox;
using SortStation.Telemetry;
using SortStation.Vision;

namespace SortStation.Hosting;

/// <summary>/metrics of the station, all prefixed sortstation_.</summary>
internal sealed class StationMetricsSource(SortingStatistics statistics, SortingRun run, WatchdogFeeder watchdog, IServiceProvider services) : IMetricsSource
{
    public void Collect(PrometheusWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var c = statistics.Counters();
        writer.Counter("sortstation_items_total", "Items sorted, by model label and bin.", c.PerLabelAndBin.Select(p => MetricSample.Of(p.Count, ("label", p.Label), ("bin", p.Bin))));
        writer.Counter("sortstation_rejects_total", "Items sent to the reject bin (low confidence, unknown label, no frame).", c.Rejects);
        writer.Counter("sortstation_scale_faults_total", "Items recorded without a weight (scale fault, overload or no stable reading).", c.MissingWeights);
        writer.Histogram("sortstation_item_latency_seconds", "Trigger to weighing in the outbox, per item.", c.Latency);
        writer.Histogram("sortstation_inference_seconds", "Model inference time per frame.", c.Inference);
        writer.Gauge("sortstation_item_in_progress_seconds", "How long the item now in the pipeline has been there; 0 when idle.", run.ItemInProgressFor?.TotalSeconds ?? 0);
        writer.Gauge("sortstation_watchdog_alive", "1 while the sorting loop counts as alive and the systemd watchdog is fed.", watchdog.Last.Alive ? 1 : 0);

        if (services.GetService<GateScheduler>() is { } scheduler)
        {
            // Every gate from the start (0 included), so a rate alert has a series before the first miss.
            var gates = scheduler.Statistics;
            var missed = gates.Missed();
            writer.Counter("sortstation_missed_gates_total", "Items whose gate could not start before they passed it (gate busy, or routed too late): recorded to Sorting:EndOfBeltBin with reason missed-gate.", scheduler.Gates.Select(g => MetricSample.Of(missed.GetValueOrDefault(g.Bin), ("bin", g.Bin))));
            writer.Counter("sortstation_gate_fires_lost_total", "Booked gate fires that did not happen (late, paused, fault, stopped): those items' records name a bin they did not reach.", gates.Lost().Select(l => MetricSample.Of(l.Value, ("bin", l.Key.Bin), ("cause", l.Key.Loss.ToString().ToLowerInvariant()))));
        }

        if (services.GetService<IOutboxStore>() is { } outbox)
        {
            writer.Gauge("sortstation_outbox_depth", "Weighings in the outbox not yet acknowledged by the broker.", outbox.Pending);
            writer.Counter("sortstation_outbox_dropped_total", "Weighings lost to the outbox quota.", outbox.Dropped);
            writer.Gauge("sortstation_outbox_held", "Weighings kept in memory because their commit failed (disk full, I/O error), waiting for a retry.", outbox.Held);
            writer.Counter("sortstation_outbox_write_failed_total", "Weighings lost because no commit succeeded for them.", outbox.WriteFailed);
            writer.Counter("sortstation_outbox_write_errors_total", "Outbox commits that failed, retries included.", outbox.WriteErrors);
        }

        if (services.GetService<StationAlarms>() is { } alarms)
        {
            var active = alarms.Snapshot().Active.Select(a => a.Code).ToHashSet();
            writer.Gauge("sortstation_alarm_active", "1 while the alarm is active (jam, backlog and outbox-write-failed stop sorting; missed-gate and gate-fire-lost do not).", AlarmCodes.All.Select(c => MetricSample.Of(active.Contains(c) ? 1 : 0, ("code", c))));
            writer.Counter("sortstation_alarms_total", "Alarms raised since start, by code.", AlarmCodes.All.Select(c => MetricSample.Of(alarms.RaisedCount(c), ("code", c))));
        }

        writer.Counter("sortstation_items_unsorted_total", "Items that passed unsorted (no gate, no record): seen during an e-stop or a soft stop.", [MetricSample.Of(run.UnsortedAtEStop, ("cause", "e-stop")), MetricSample.Of(run.UnsortedAtSoftStop, ("cause", "soft-stop"))]);
        if (services.GetService<IdleWatch>() is { } idle)
        {
            writer.Gauge("sortstation_idle", "1 while no item has come for Trigger:IdleSeconds (not an error).", idle.IsIdle ? 1 : 0);
            writer.Counter("sortstation_idle_periods_total", "Idle periods since start.", idle.Periods);
        }

        if (services.GetService<MqttPublisher>() is { } publisher)
        {
            writer.Counter("sortstation_published_total", "Weighings acknowledged by the broker (PUBACK).", publisher.Acknowledged);
            writer.Counter("sortstation_publish_failures_total", "Failed publishes and connection attempts.", publisher.Failures);
            writer.Gauge("sortstation_broker_connected", "1 while connected to the MQTT broker.", publisher.IsConnected ? 1 : 0);
        }

        if (services.GetService<SwappableClassifier>() is { } model)
        {
            writer.Gauge("sortstation_model_info", "The model in use (always 1; the model label carries name@version).", [MetricSample.Of(1, ("model", model.Model.Id))]);
            writer.Counter("sortstation_model_swaps_total", "Models swapped in while running.", model.Swaps);
            writer.Counter("sortstation_model_refusals_total", "Candidate models refused (failed to load or to classify the sample frame).", model.Refusals);
        }
    }
}
