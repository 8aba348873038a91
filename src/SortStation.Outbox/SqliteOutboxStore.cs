using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SortStation.Contracts;
using SortStation.Core.Alarms;

namespace SortStation.Outbox;

/// <summary>
/// The durable outbox: a weighing is fsynced into a local SQLite file before <see cref="EnqueueAsync"/>
/// returns and leaves it only after the broker's PUBACK, so broker outages, restarts and kill -9 lose
/// nothing. Concurrent enqueues share one commit (group commit), and under load commits are at least
/// <see cref="OutboxOptions.GroupCommitMilliseconds"/> apart (<see cref="CommitPacer"/>). A quota bounds
/// the file; when it is reached the configured policy refuses the newest or drops the oldest, logged and counted.
/// A commit that fails (disk full, I/O error) never passes silently: see <see cref="OutboxWriteFailures"/>.
/// </summary>
public sealed partial class SqliteOutboxStore : IOutboxStore, IDisposable
{
    private const int MaxGroup = 1024;
    private readonly OutboxQuota _quota;
    private readonly IOutboxTable _table;
    private readonly OutboxWriteFailures _failures;
    private readonly Lock _gate = new();
    private readonly Channel<PendingWrite> _writes = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private readonly CommitPacer _pacer;
    private readonly TimeProvider _time;
    private TaskCompletionSource _available = NewSignal();
    private TaskCompletionSource _drained = NewSignal();
    private long _rows;
    private long _bytes;

    /// <param name="alarms">Where a failing commit raises its alarm; without one (tests, benchmarks) it is only logged.</param>
    public SqliteOutboxStore(OutboxOptions options, ILogger<SqliteOutboxStore> log, TimeProvider? time = null, StationAlarms? alarms = null)
        : this(options, log, time, alarms, path => new SqliteOutboxTable(path))
    {
    }

    internal SqliteOutboxStore(OutboxOptions options, ILogger<SqliteOutboxStore> log, TimeProvider? time, StationAlarms? alarms, Func<string, IOutboxTable> open)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(open);
        _time = time ?? TimeProvider.System;
        _pacer = new CommitPacer(TimeSpan.FromMilliseconds(options.GroupCommitMilliseconds), _time);
        _quota = new OutboxQuota(options, log);
        var path = Path.GetFullPath(options.Path);
        _failures = new OutboxWriteFailures(options, path, alarms ?? new StationAlarms(_time, log), _time, log);
        _table = open(path);
        (_rows, _bytes) = _table.Count();
        UpdateSignals();
        if (_rows > 0)
        {
            log.LogInformation("Outbox {Path}: {Rows} weighings from before the restart still to publish", options.Path, _rows);
        }

        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Weighings not yet acknowledged: rows in the file and any kept in memory while commits fail.</summary>
    public long Pending => Interlocked.Read(ref _rows) + _failures.HeldCount;

    public long Dropped => _quota.Lost;

    public long Held => _failures.HeldCount;

    public long WriteFailed => _failures.Lost;

    public long WriteErrors => _failures.Errors;

    public async ValueTask EnqueueAsync(WeighingRecord record, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var write = new PendingWrite(record.ItemId, ContractJson.Serialize(record));
        ObjectDisposedException.ThrowIf(!_writes.Writer.TryWrite(write), this);

        await write.Done.Task.WaitAsync(ct);
    }

    public async ValueTask<IReadOnlyList<OutboxEntry>> ReadBatchAsync(int max, CancellationToken ct = default)
    {
        while (true)
        {
            Task available;
            lock (_gate)
            {
                if (_rows > 0)
                {
                    return _table.ReadOldest(max);
                }

                available = _available.Task;
            }

            await available.WaitAsync(ct);
        }
    }

    public ValueTask AcknowledgeAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        lock (_gate)
        {
            var (rows, bytes) = _table.Delete(entries);
            Interlocked.Add(ref _rows, -rows);
            _bytes -= bytes;
            UpdateSignals();
        }

        return ValueTask.CompletedTask;
    }

    public Task WaitUntilDrainedAsync(CancellationToken ct = default)
    {
        lock (_gate)
        {
            return _drained.Task.WaitAsync(ct);
        }
    }

    public void Dispose()
    {
        _writes.Writer.TryComplete();
        _writer.Wait(TimeSpan.FromSeconds(10));
        _table.Dispose();
    }

    /// <summary>Completes or renews the waiters' signals after the row count changed. Caller holds the gate.</summary>
    private void UpdateSignals()
    {
        if (_rows > 0)
        {
            _available.TrySetResult();
        }
        else if (_available.Task.IsCompleted)
        {
            _available = NewSignal();
        }

        // Weighings kept in memory are not drained either: they have not reached the broker.
        if (_rows + _failures.HeldCount > 0)
        {
            if (_drained.Task.IsCompleted)
            {
                _drained = NewSignal();
            }
        }
        else
        {
            _drained.TrySetResult();
        }

        _quota.Observe(_rows, _bytes);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
