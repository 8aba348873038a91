using Microsoft.Extensions.DependencyInjection;
using SortStation.Core.Pipeline;
using SortStation.Core.Timing;
using SortStation.Operations;
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
