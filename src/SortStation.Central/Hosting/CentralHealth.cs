using Microsoft.Extensions.Diagnostics.HealthChecks;
using SortStation.Central.Ingest;
using SortStation.Central.Recluster;

namespace SortStation.Central.Hosting;

/// <summary>The checks behind central's /healthz: broker connection, ingest and re-clustering.</summary>
internal sealed class CentralHealth(MqttIngestService ingest, IngestPipeline pipeline, ReclusterService recluster)
{
    public HealthCheckResult Broker() =>
        ingest.IsConnected ? HealthCheckResult.Healthy("connected") : HealthCheckResult.Unhealthy("disconnected");

    public HealthCheckResult Ingest() =>
        Result(ingest.ExecuteTask?.IsFaulted != true, $"{pipeline.Stored} stored, {pipeline.Duplicates} duplicates, {pipeline.Malformed} malformed since start");

    public HealthCheckResult Recluster() =>
        Result(recluster.ExecuteTask?.IsFaulted != true, $"{recluster.Runs} runs since start");

    private static HealthCheckResult Result(bool healthy, string detail) =>
        healthy ? HealthCheckResult.Healthy(detail) : HealthCheckResult.Unhealthy(detail);
}
