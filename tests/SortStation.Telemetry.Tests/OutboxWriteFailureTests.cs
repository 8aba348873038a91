using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SortStation.Core.Alarms;
using SortStation.Outbox;
using SortStation.Telemetry.Tests.Support;

namespace SortStation.Telemetry.Tests;

/// <summary>
/// A real SQLite outbox file whose inserts fail as on a full disk (<see cref="FullDiskTable"/>): no weighing may
/// pass silently — each is committed later or counted as lost, and the station is told once.
/// </summary>
public sealed class OutboxWriteFailureTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
    private readonly ListLogger<SqliteOutboxStore> _storeLog = new();
    private readonly ListLogger<StationAlarms> _alarmLog = new();
    private readonly StationAlarms _alarms;
    private FullDiskTable? _table;

    public OutboxWriteFailureTests() => _alarms = new StationAlarms(_time, _alarmLog);

    private string OutboxPath => _dir.File("outbox.db");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Enqueue_DiskFull_SoftStopNamingPathAndFreeSpace_WeighingsKept_OneLogLine()
    {
        using var store = Open();
        _table!.Full = true;

        await EnqueueAsync(store, 5);

        var alarm = Assert.Single(_alarms.Snapshot().Active);
        Assert.Equal(AlarmCodes.OutboxWriteFailed, alarm.Code);
        Assert.True(alarm.StopsSorting);
        Assert.Contains($"Outbox:Path = {OutboxPath}", alarm.Message, StringComparison.Ordinal);
        Assert.Matches(@"(bytes|MiB|GiB) free on its file system", alarm.Message);
        Assert.Contains("database or disk is full", alarm.Message, StringComparison.Ordinal);
        Assert.Equal((5L, 5L, 0L, 1L), (store.Held, store.Pending, store.WriteFailed, store.WriteErrors));
        Assert.Single(_storeLog.Entries.Concat(_alarmLog.Entries), e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Retry_SpaceReturns_KeptWeighingsCommittedInOrderAndTheStopClears()
    {
        using var store = Open();
        _table!.Full = true;
        await EnqueueAsync(store, 5);

        _table.Full = false;
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.True(await Eventually.TrueAsync(() => !_alarms.IsStopped, TimeSpan.FromSeconds(10)), "the soft stop did not clear");
        Assert.Equal((0L, 5L, 0L), (store.Held, store.Pending, store.WriteFailed));
        Assert.Equal(Ids(0, 5), (await store.ReadBatchAsync(10)).Select(e => e.ItemId));
        Assert.True(_table.Checkpoints >= 1); // the retry first gives the write-ahead log's space back
    }

    [Fact]
    public async Task Retry_StillFull_TriedEveryRetrySecondsWithoutAnotherLogLine()
    {
        using var store = Open();
        _table!.Full = true;
        await EnqueueAsync(store, 1);

        for (var retry = 2; retry <= 4; retry++)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            var expected = retry;
            Assert.True(await Eventually.TrueAsync(() => store.WriteErrors == expected, TimeSpan.FromSeconds(10)), $"retry {retry} not made");
        }

        Assert.True(_alarms.IsStopped);
        Assert.Single(_storeLog.Entries.Concat(_alarmLog.Entries), e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Enqueue_DiskFullWithContinue_AlarmButSortingGoesOn()
    {
        using var store = Open(o => o.OnWriteFailure = OutboxWriteFailurePolicy.Continue);
        _table!.Full = true;

        await EnqueueAsync(store, 2);

        Assert.False(_alarms.IsStopped);
        Assert.False(Assert.Single(_alarms.Snapshot().Active).StopsSorting);
        Assert.Equal(2, store.Held);
    }

    [Fact]
    public async Task Enqueue_BeyondMaxHeldInMemory_EachOneCountedLost()
    {
        using var store = Open(o => o.MaxHeldInMemory = 2);
        _table!.Full = true;

        await EnqueueAsync(store, 5);

        Assert.Equal((2L, 3L), (store.Held, store.WriteFailed));
    }

    [Fact]
    public async Task Dispose_StillFull_KeptWeighingsCountedLostAndNamed()
    {
        var store = Open();
        _table!.Full = true;
        await EnqueueAsync(store, 3);

        store.Dispose();

        Assert.Equal((0L, 3L), (store.Held, store.WriteFailed));
        Assert.Contains(_storeLog.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("3 weighings kept in memory could not be committed", StringComparison.Ordinal) && e.Message.Contains("items full-000000 to full-000002", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dispose_SpaceBackBeforeTheRetry_LastTryCommitsThemToTheFile()
    {
        var store = Open();
        _table!.Full = true;
        await EnqueueAsync(store, 3);
        _table.Full = false;

        store.Dispose();

        Assert.Equal(0, store.WriteFailed);
        using var reopened = Publishers.Outbox(OutboxPath);
        Assert.Equal(Ids(0, 3), (await reopened.ReadBatchAsync(10)).Select(e => e.ItemId));
    }

    [Fact]
    public async Task WaitUntilDrained_WeighingsKeptInMemory_NotDrained()
    {
        using var store = Open();
        _table!.Full = true;

        await EnqueueAsync(store, 1);

        Assert.False(store.WaitUntilDrainedAsync().IsCompleted);
    }

    private SqliteOutboxStore Open(Action<OutboxOptions>? configure = null)
    {
        var options = new OutboxOptions { Path = OutboxPath, GroupCommitMilliseconds = 0, RetrySeconds = 5 };
        configure?.Invoke(options);
        return new SqliteOutboxStore(options, _storeLog, _time, _alarms, path => _table = new FullDiskTable(new SqliteOutboxTable(path)));
    }

    private static async Task EnqueueAsync(SqliteOutboxStore store, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await store.EnqueueAsync(Weighings.Create("full", i)).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    private static IEnumerable<string> Ids(int from, int count) => Enumerable.Range(from, count).Select(i => $"full-{i:D6}");
}
