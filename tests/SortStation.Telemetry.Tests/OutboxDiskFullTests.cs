using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SortStation.Core.Alarms;
using SortStation.Outbox;
using SortStation.Telemetry.Tests.Support;

namespace SortStation.Telemetry.Tests;

/// <summary>The outbox on a real file system that fills up: the station soft-stops, and every weighing ends up committed.</summary>
public sealed class OutboxDiskFullTests
{
    [TmpfsFact]
    public async Task Enqueue_TmpfsFills_SoftStopsThenCommitsEveryWeighingOnceSpaceReturns()
    {
        using var disk = TinyTmpfs.Mount(kilobytes: 256);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
        var alarms = new StationAlarms(time, NullLogger.Instance);
        var path = Path.Combine(disk.Path, "outbox.db");
        var options = new OutboxOptions { Path = path, GroupCommitMilliseconds = 0, RetrySeconds = 2 };
        var enqueued = 0;
        using (var store = new SqliteOutboxStore(options, NullLogger<SqliteOutboxStore>.Instance, time, alarms))
        {
            // Sort until the disk is full, as the loop does, then a few more that were already in flight.
            while (!alarms.IsStopped && enqueued < 10_000)
            {
                await store.EnqueueAsync(Weighings.Create("tmpfs", enqueued++));
            }

            for (var i = 0; i < 3; i++)
            {
                await store.EnqueueAsync(Weighings.Create("tmpfs", enqueued++));
            }

            var alarm = Assert.Single(alarms.Snapshot().Active);
            Assert.Contains("disk is full", alarm.Message, StringComparison.Ordinal);
            Assert.Contains($"Outbox:Path = {path}", alarm.Message, StringComparison.Ordinal);
            Assert.True(store.Held >= 3, $"{store.Held} kept in memory");
            Assert.Equal(enqueued, store.Pending);

            disk.Grow(kilobytes: 8192);
            time.Advance(TimeSpan.FromSeconds(2));

            Assert.True(await Eventually.TrueAsync(() => !alarms.IsStopped, TimeSpan.FromSeconds(10)), "no resume after space returned");
            Assert.Equal((0L, 0L, (long)enqueued), (store.Held, store.WriteFailed, store.Pending));
        }

        using var reopened = Publishers.Outbox(path);
        var ids = (await reopened.ReadBatchAsync(20_000)).Select(e => e.ItemId).ToArray();
        Assert.Equal(Enumerable.Range(0, enqueued).Select(i => $"tmpfs-{i:D6}"), ids);
    }
}
