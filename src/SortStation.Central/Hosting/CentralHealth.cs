using SortStation.Central.Ingest;
using SortStation.Central.Recluster;
using SortStation.Operations;

namespace SortStation.Central.Hosting;

/// <summary>Broker connection and ingest counters.</summary>
internal sealed class CentralHealth(MqttIngestService ingest, IngestPipeline pipeline, ReclusterService recluster) : IHealthSource, IMetricsSource
{
    public IReadOnlyList<HealthCheckResult> Check() =>
    [
        new("broker", ingest.IsConnected, ingest.IsConnected ? "connected" : "disconnected"),
        new("ingest", ingest.ExecuteTask?.IsFaulted != true, $"{pipeline.Stored} stored, {pipeline.Duplicates} duplicates, {pipeline.Malformed} malformed since start"),
        new("recluster", recluster.ExecuteTask?.IsFaulted != true, $"{recluster.Runs} runs since start"),
    ];

    public void Collect(PrometheusWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Counter("sortstation_central_stored_total", "Weighings stored since start.", pipeline.Stored);
        writer.Counter("sortstation_central_duplicates_total", "Re-delivered weighings dropped (same itemId).", pipeline.Duplicates);
        writer.Counter("sortstation_central_malformed_total", "Messages rejected as malformed.", pipeline.Malformed);
        writer.Counter("sortstation_central_rejected_total", "Messages rejected since start, by reason (docs/central.md, Validation).", pipeline.RejectedByReason.Select(r => MetricSample.Of(r.Value, ("reason", r.Key))));
        writer.Counter("sortstation_central_recluster_runs_total", "Scheduled re-clustering runs.", recluster.Runs);
        writer.Gauge("sortstation_central_broker_connected", "1 while connected to the MQTT broker.", ingest.IsConnected ? 1 : 0);
    }
}
