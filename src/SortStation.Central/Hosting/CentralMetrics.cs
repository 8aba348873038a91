using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using SortStation.Central.Ingest;
using SortStation.Central.Recluster;

namespace SortStation.Central.Hosting;

/// <summary>Central's instruments on System.Diagnostics.Metrics (sortstation_central_… on /metrics), observed at each scrape.</summary>
internal sealed class CentralMetrics : IHostedService, IDisposable
{
    private readonly Meter _meter;

    public CentralMetrics(IMeterFactory meters, MqttIngestService ingest, IngestPipeline pipeline, ReclusterService recluster)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create("SortStation.Central");
        _meter.CreateObservableCounter("sortstation_central_stored_total", () => pipeline.Stored, description: "Weighings stored since start.");
        _meter.CreateObservableCounter("sortstation_central_duplicates_total", () => pipeline.Duplicates, description: "Re-delivered weighings dropped (same itemId).");
        _meter.CreateObservableCounter("sortstation_central_malformed_total", () => pipeline.Malformed, description: "Messages rejected as malformed.");
        _meter.CreateObservableCounter(
            "sortstation_central_rejected_total",
            () => pipeline.RejectedByReason.Select(r => new Measurement<long>(r.Value, KeyValuePair.Create("reason", (object?)r.Key))),
            description: "Messages rejected since start, by reason (docs/central.md, Validation).");
        _meter.CreateObservableCounter("sortstation_central_recluster_runs_total", () => recluster.Runs, description: "Scheduled re-clustering runs.");
        _meter.CreateObservableGauge("sortstation_central_broker_connected", () => ingest.IsConnected ? 1 : 0, description: "1 while connected to the MQTT broker.");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _meter.Dispose();
}
