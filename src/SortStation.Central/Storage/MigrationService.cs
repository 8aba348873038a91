using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SortStation.Central.Storage;

/// <summary>Applies pending migrations at start, before ingest (registered first, so it finishes first).</summary>
public sealed partial class MigrationService(IWeighingStore store, ILogger<MigrationService> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await store.MigrateAsync(cancellationToken);
        LogMigrated(applied);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Database schema up to date ({Applied} migrations applied now)")]
    private partial void LogMigrated(int applied);
}
