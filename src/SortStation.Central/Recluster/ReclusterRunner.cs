using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SortStation.Central.Ingest;
using SortStation.Central.Options;
using SortStation.Central.Reports;
using SortStation.Central.Storage;
using SortStation.Clustering;
using SortStation.Contracts;

namespace SortStation.Central.Recluster;

/// <summary>One re-clustering: aggregate in the database, analyse, publish retained, write the report.</summary>
public sealed partial class ReclusterRunner(
    IWeighingStore store,
    IClusterPublisher publisher,
    IOptions<CentralClusteringOptions> clustering,
    IOptions<CentralMqttOptions> mqtt,
    TimeProvider time,
    ILogger<ReclusterRunner> log,
    LatestAnalysis? latest = null)
{
    /// <summary>Returns the result, or null when there is not enough data to cluster yet.</summary>
    public Task<AnalysisResult?> RunOnceAsync(CancellationToken cancellationToken) => RunOnceAsync(AnalysisSnapshot.Scheduled, cancellationToken);

    /// <summary>As <see cref="RunOnceAsync(CancellationToken)"/>; <paramref name="trigger"/> says why it ran (the console shows it).</summary>
    public async Task<AnalysisResult?> RunOnceAsync(string trigger, CancellationToken cancellationToken)
    {
        var options = clustering.Value;
        var since = time.GetUtcNow() - TimeSpan.FromDays(options.PeriodDays);
        var totals = await store.AggregateAsync(options.ParsedGroupBy, since, cancellationToken);
        AnalysisResult result;
        try
        {
            result = await Task.Run(() => FleetAnalysis.Run(totals, options, cancellationToken), cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            LogNotEnoughData(totals.Count, ex.Message);
            latest?.Set(null, totals.Count, trigger);
            return null;
        }

        latest?.Set(result, totals.Count, trigger);
        var topic = Topics.CentralClusters(mqtt.Value.TopicPrefix);
        var published = await publisher.PublishRetainedAsync(topic, Encoding.UTF8.GetBytes(AnalysisJson.Serialize(result)), cancellationToken);
        if (!published)
        {
            LogNotPublished(topic);
        }

        // An output directory to create: relative to the working directory, like the database file.
        if (!string.IsNullOrWhiteSpace(options.ReportDirectory))
        {
            var directory = Path.GetFullPath(options.ReportDirectory);
            var settings = new ClusterSettings($"{options.GroupBy} totals, last {options.PeriodDays} days", FleetAnalysis.Features, FleetAnalysis.Options(options), Json: true, directory);
            await new ClusteringReportWriter(time).WriteAsync(result, settings, directory, cancellationToken);
        }

        LogDone(totals.Count, result.ChosenK, result.Silhouette, published);
        return result;
    }

    [LoggerMessage(LogLevel.Information, "Re-clustered {Groups} groups: k = {K}, silhouette {Silhouette:F3}, published: {Published}")]
    private partial void LogDone(int groups, int k, double silhouette, bool published);

    [LoggerMessage(LogLevel.Information, "Not re-clustering yet: {Groups} groups ({Reason})")]
    private partial void LogNotEnoughData(int groups, string reason);

    [LoggerMessage(LogLevel.Warning, "Clustering result not published on {Topic} (broker not connected); next run retries")]
    private partial void LogNotPublished(string topic);
}
