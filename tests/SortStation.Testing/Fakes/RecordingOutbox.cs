using SortStation.Contracts;
using SortStation.Core.Pipeline;

namespace SortStation.Testing;

/// <summary>An outbox that keeps what it was given in memory.</summary>
public sealed class RecordingOutbox : IOutbox
{
    private readonly List<WeighingRecord> _records = [];

    public IReadOnlyList<WeighingRecord> Records
    {
        get
        {
            lock (_records)
            {
                return [.. _records];
            }
        }
    }

    public long Pending
    {
        get
        {
            lock (_records)
            {
                return _records.Count;
            }
        }
    }

    /// <summary>While set, commits wait for it, like an fsync on a slow SD card.</summary>
    public TaskCompletionSource? Disk { get; set; }

    public async ValueTask EnqueueAsync(WeighingRecord record, CancellationToken ct = default)
    {
        if (Disk is { } disk)
        {
            await disk.Task.WaitAsync(ct);
        }

        lock (_records)
        {
            _records.Add(record);
        }
    }

    public Task WaitUntilDrainedAsync(CancellationToken ct = default) => Task.CompletedTask;
}
