using System.Collections.Concurrent;
using SortStation.Central.Options;
using SortStation.Central.Storage;
using SortStation.Contracts;

namespace SortStation.Central.Tests.Support;

/// <summary>An in-memory store whose first commits fail, like a database that is briefly down.</summary>
public sealed class FlakyStore(int failures) : IWeighingStore
{
    private readonly ConcurrentDictionary<string, WeighingRecord> _rows = new();
    private int _failuresLeft = failures;

    public int Count => _rows.Count;

    public int FailedCommits { get; private set; }

    public Task<int> MigrateAsync(CancellationToken cancellationToken) => Task.FromResult(0);

    public Task<StoreResult> StoreAsync(IReadOnlyList<WeighingRecord> records, RejectionCounts rejections, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            FailedCommits++;
            throw new InvalidOperationException("database unavailable");
        }

        var inserted = records.Count(r => _rows.TryAdd(r.ItemId, r));
        return Task.FromResult(new StoreResult(inserted, records.Count - inserted, rejections.Total));
    }

    public Task<IReadOnlyList<GroupTotal>> AggregateAsync(GroupBy groupBy, DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GroupTotal>>([]);

    public Task<IngestStats> ReadStatsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new IngestStats(_rows.Count, 0, 0, new Dictionary<string, long>(), [], []));
}
