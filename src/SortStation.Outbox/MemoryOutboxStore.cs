using SortStation.Contracts;

namespace SortStation.Outbox;

/// <summary>
/// An outbox in memory: survives broker outages while the process lives, not a restart or power loss.
/// Entries leave only on acknowledgement, so a failed publish is retried in order.
/// </summary>
public sealed class MemoryOutboxStore : IOutboxStore, IDisposable
{
    private readonly Lock _gate = new();
    private readonly LinkedList<OutboxEntry> _entries = new();
    private readonly SemaphoreSlim _available = new(0);
    private TaskCompletionSource _drained = NewDrained(completed: true);
    private long _sequence;

    public long Pending
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>No quota: memory grows until the broker is back (tests and benchmarks only).</summary>
    public long Dropped => 0;

    /// <summary>Memory never fails a commit.</summary>
    public long Held => 0;

    public long WriteFailed => 0;

    public long WriteErrors => 0;

    public ValueTask EnqueueAsync(WeighingRecord record, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entry = new OutboxEntry(Interlocked.Increment(ref _sequence), record.ItemId, ContractJson.Serialize(record));
        lock (_gate)
        {
            if (_entries.Count == 0)
            {
                _drained = NewDrained(completed: false);
            }

            _entries.AddLast(entry);
        }

        _available.Release();
        return ValueTask.CompletedTask;
    }

    public async ValueTask<IReadOnlyList<OutboxEntry>> ReadBatchAsync(int max, CancellationToken ct = default)
    {
        while (true)
        {
            lock (_gate)
            {
                if (_entries.Count > 0)
                {
                    return _entries.Take(max).ToArray();
                }
            }

            await _available.WaitAsync(ct);
        }
    }

    public ValueTask AcknowledgeAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (_gate)
        {
            var acknowledged = entries.Select(e => e.Sequence).ToHashSet();
            for (var node = _entries.First; node is not null;)
            {
                var next = node.Next;
                if (acknowledged.Contains(node.Value.Sequence))
                {
                    _entries.Remove(node);
                }

                node = next;
            }

            if (_entries.Count == 0)
            {
                _drained.TrySetResult();
            }
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

    public void Dispose() => _available.Dispose();

    private static TaskCompletionSource NewDrained(bool completed)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            tcs.SetResult();
        }

        return tcs;
    }
}
