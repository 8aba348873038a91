using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SortStation.Central.Options;

namespace SortStation.Central.Recluster;

/// <summary>Runs <see cref="ReclusterRunner"/> every Clustering:IntervalMinutes on the injected clock.</summary>
public sealed partial class ReclusterService(ReclusterRunner runner, IOptions<CentralClusteringOptions> options, TimeProvider time, ILogger<ReclusterService> log) : BackgroundService
{
    private long _runs;

    /// <summary>Completed runs (published or not); tests wait on it.</summary>
    public long Runs => Interlocked.Read(ref _runs);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.IntervalMinutes), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await runner.RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(ex);
                }

                Interlocked.Increment(ref _runs);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(LogLevel.Error, "Re-clustering failed; next interval retries")]
    private partial void LogFailed(Exception ex);
}
