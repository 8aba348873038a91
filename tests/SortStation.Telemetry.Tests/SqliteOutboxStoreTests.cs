using SortStation.Outbox;
using SortStation.Telemetry.Tests.Support;

namespace SortStation.Telemetry.Tests;

public sealed class SqliteOutboxStoreTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ReadBatch_AfterEnqueues_ReturnsOldestInOrder()
    {
        using var store = Publishers.Outbox(_dir.File("outbox.db"));
        for (var i = 0; i < 5; i++)
        {
            await store.EnqueueAsync(Weighings.Create("order", i));
        }

        var batch = await store.ReadBatchAsync(3);

        Assert.Equal(["order-000000", "order-000001", "order-000002"], batch.Select(e => e.ItemId));
        Assert.Equal(5, store.Pending);
    }

    [Fact]
    public async Task Acknowledge_SomeEntries_DeletesOnlyThose()
    {
        using var store = Publishers.Outbox(_dir.File("outbox.db"));
        for (var i = 0; i < 4; i++)
        {
            await store.EnqueueAsync(Weighings.Create("ack", i));
        }

        var batch = await store.ReadBatchAsync(4);
        await store.AcknowledgeAsync([batch[0], batch[2]]);

        var rest = await store.ReadBatchAsync(10);
        Assert.Equal(["ack-000001", "ack-000003"], rest.Select(e => e.ItemId));
        Assert.Equal(2, store.Pending);
    }

    [Fact]
    public async Task WaitUntilDrained_AllAcknowledged_Completes()
    {
        using var store = Publishers.Outbox(_dir.File("outbox.db"));
        await store.EnqueueAsync(Weighings.Create("drain", 0));
        var drained = store.WaitUntilDrainedAsync();
        Assert.False(drained.IsCompleted);

        await store.AcknowledgeAsync(await store.ReadBatchAsync(10));

        await drained.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Constructor_ExistingFile_ReadsRemainingRowsInOrder()
    {
        var path = _dir.File("outbox.db");
        using (var first = Publishers.Outbox(path))
        {
            await Task.WhenAll(Enumerable.Range(0, 100).Select(i => first.EnqueueAsync(Weighings.Create("restart", i)).AsTask()));
            await first.AcknowledgeAsync((await first.ReadBatchAsync(30)).ToArray());
        }

        using var second = Publishers.Outbox(path);

        Assert.Equal(70, second.Pending);
        var rest = await second.ReadBatchAsync(1000);
        Assert.Equal(70, rest.Count);
        Assert.Equal(rest.OrderBy(e => e.Sequence).Select(e => e.Sequence), rest.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Enqueue_ConcurrentCallers_AllCommittedOnce()
    {
        var path = _dir.File("outbox.db");
        using (var store = Publishers.Outbox(path))
        {
            await Task.WhenAll(Enumerable.Range(0, 2000).Select(i => store.EnqueueAsync(Weighings.Create("group", i)).AsTask()));
        }

        using var reopened = Publishers.Outbox(path);
        var all = await reopened.ReadBatchAsync(5000);
        Assert.Equal(2000, all.Select(e => e.ItemId).Distinct().Count());
    }

    [Fact]
    public async Task Enqueue_FullWithRejectNewest_KeepsOldestAndCounts()
    {
        using var store = Publishers.Outbox(_dir.File("outbox.db"), maxRows: 3, whenFull: OutboxFullPolicy.RejectNewest);
        for (var i = 0; i < 5; i++)
        {
            await store.EnqueueAsync(Weighings.Create("reject", i));
        }

        var kept = await store.ReadBatchAsync(10);
        Assert.Equal(["reject-000000", "reject-000001", "reject-000002"], kept.Select(e => e.ItemId));
        Assert.Equal(2, store.Dropped);
    }

    [Fact]
    public async Task Enqueue_FullWithDropOldest_KeepsNewestAndCounts()
    {
        using var store = Publishers.Outbox(_dir.File("outbox.db"), maxRows: 3, whenFull: OutboxFullPolicy.DropOldest);
        for (var i = 0; i < 5; i++)
        {
            await store.EnqueueAsync(Weighings.Create("drop", i));
        }

        var kept = await store.ReadBatchAsync(10);
        Assert.Equal(["drop-000002", "drop-000003", "drop-000004"], kept.Select(e => e.ItemId));
        Assert.Equal(2, store.Dropped);
    }

    [Fact]
    public async Task Enqueue_ByteQuotaReached_RefusesWithoutThrowing()
    {
        var size = Contracts.ContractJson.Serialize(Weighings.Create("bytes", 0)).Length;
        using var store = Publishers.Outbox(_dir.File("outbox.db"), maxBytes: 65536, whenFull: OutboxFullPolicy.RejectNewest);
        var fits = 65536 / size;
        for (var i = 0; i < fits + 10; i++)
        {
            await store.EnqueueAsync(Weighings.Create("bytes", i));
        }

        Assert.Equal(fits, store.Pending);
        Assert.Equal(10, store.Dropped);
    }
}
