using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SortStation.Contracts;

namespace SortStation.Telemetry;

/// <summary>
/// The durable outbox: a weighing is fsynced into a local SQLite file before <see cref="EnqueueAsync"/>
/// returns and leaves it only after the broker's PUBACK, so broker outages, restarts and kill -9 lose
/// nothing. Concurrent enqueues share one commit (group commit), and under load commits are at least
/// <see cref="OutboxOptions.GroupCommitMilliseconds"/> apart (<see cref="CommitPacer"/>). A quota bounds
/// the file; when it is reached the configured policy refuses the newest or drops the oldest, logged and counted.
/// </summary>
public sealed class SqliteOutboxStore : IOutboxStore, IDisposable
{
    private const int MaxGroup = 1024;
    private readonly OutboxQuota _quota;
    private readonly SqliteOutboxTable _table;
    private readonly Lock _gate = new();
    private readonly Channel<PendingWrite> _writes = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private readonly CommitPacer _pacer;
    private readonly TimeProvider _time;
    private TaskCompletionSource _available = NewSignal();
    private TaskCompletionSource _drained = NewSignal();
    private long _rows;
    private long _bytes;

    public SqliteOutboxStore(OutboxOptions options, ILogger<SqliteOutboxStore> log, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time ?? TimeProvider.System;
        _pacer = new CommitPacer(TimeSpan.FromMilliseconds(options.GroupCommitMilliseconds), _time);
        _quota = new OutboxQuota(options, log);
        _table = new SqliteOutboxTable(Path.GetFullPath(options.Path));
        (_rows, _bytes) = _table.Count();
        UpdateSignals();
        if (_rows > 0)
        {
            log.LogInformation("Outbox {Path}: {Rows} weighings from before the restart still to publish", options.Path, _rows);
        }

        _writer = Task.Run(WriteLoopAsync);
    }

    public long Pending => Interlocked.Read(ref _rows);

    public long Dropped => _quota.Lost;

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

    private async Task WriteLoopAsync()
    {
        var group = new List<PendingWrite>(MaxGroup);
        while (await _writes.Reader.WaitToReadAsync())
        {
            var wait = _pacer.Wait();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time);
            }

            group.Clear();
            while (group.Count < MaxGroup && _writes.Reader.TryRead(out var write))
            {
                group.Add(write);
            }

            try
            {
                lock (_gate)
                {
                    Commit(group);
                }

                _pacer.Committed();
                group.ForEach(w => w.Done.TrySetResult());
            }
#pragma warning disable CA1031 // A disk error fails these enqueues (the pipeline logs them); the writer lives on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                lock (_gate)
                {
                    (_rows, _bytes) = _table.Count();
                }

                group.ForEach(w => w.Done.TrySetException(ex));
            }
        }
    }

    /// <summary>Inserts a group in one transaction, applying the quota to each weighing. Caller holds the gate.</summary>
    private void Commit(List<PendingWrite> group)
    {
        long rows = _rows, bytes = _bytes, lost = 0;
        _table.InTransaction(() =>
        {
            foreach (var write in group)
            {
                while (!_quota.Fits(rows, bytes, write.Payload.Length) && _quota.DropsOldest && rows > 0)
                {
                    bytes -= _table.DropOldest() ?? 0;
                    rows--;
                    lost++;
                }

                if (!_quota.Fits(rows, bytes, write.Payload.Length))
                {
                    lost++; // RejectNewest, or a single weighing larger than the byte quota
                    continue;
                }

                _table.Insert(write);
                rows++;
                bytes += write.Payload.Length;
            }
        });

        Interlocked.Exchange(ref _rows, rows);
        _bytes = bytes;
        if (lost > 0)
        {
            _quota.Report(lost, rows, bytes);
        }

        UpdateSignals();
    }

    /// <summary>Completes or renews the waiters' signals after the row count changed. Caller holds the gate.</summary>
    private void UpdateSignals()
    {
        if (_rows > 0)
        {
            _available.TrySetResult();
            if (_drained.Task.IsCompleted)
            {
                _drained = NewSignal();
            }
        }
        else
        {
            if (_available.Task.IsCompleted)
            {
                _available = NewSignal();
            }

            _drained.TrySetResult();
        }

        _quota.Observe(_rows, _bytes);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
