using SortStation.Central.Options;
using SortStation.Contracts;

namespace SortStation.Central.Storage;

/// <summary>The weighings database (SQLite or PostgreSQL, same schema).</summary>
public interface IWeighingStore
{
    /// <summary>Applies pending migrations; returns how many.</summary>
    Task<int> MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Inserts the records (an item id seen before is a duplicate and dropped) and adds the counters (rejections by reason too), in one transaction.</summary>
    Task<StoreResult> StoreAsync(IReadOnlyList<WeighingRecord> records, RejectionCounts rejections, CancellationToken cancellationToken);

    /// <summary>Totals per group of the weighings since <paramref name="since"/>, computed by the database.</summary>
    Task<IReadOnlyList<GroupTotal>> AggregateAsync(GroupBy groupBy, DateTimeOffset since, CancellationToken cancellationToken);

    Task<IngestStats> ReadStatsAsync(CancellationToken cancellationToken);
}
