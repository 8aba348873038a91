using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SortStation.Core.Alarms;
using SortStation.Core.Pipeline;
using SortStation.Kernel.Options;

namespace SortStation.Outbox;

/// <summary>Registers the Outbox section and the durable outbox (SQLite or memory, per Outbox:Kind) as the pipeline's <see cref="IOutbox"/>.</summary>
public static class OutboxServiceCollectionExtensions
{
    public static IServiceCollection AddSortStationOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<OutboxOptions, OutboxOptionsValidator>(configuration, OutboxOptions.Section);
        services.AddSingleton<IOutboxStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<OutboxOptions>>().Value;
            return options.Kind == OutboxKind.Memory
                ? new MemoryOutboxStore()
                : new SqliteOutboxStore(options, sp.GetRequiredService<ILogger<SqliteOutboxStore>>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<StationAlarms>());
        });
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<IOutboxStore>());
        return services;
    }
}
