using SortStation.Contracts;

namespace SortStation.Core.Pipeline;

/// <summary>
/// Where a finished weighing goes. When <see cref="EnqueueAsync"/> returns, the record is the outbox's
/// responsibility: it must reach the broker eventually, whatever happens to the connection. If it cannot even
/// be stored (disk full), the outbox keeps it in memory and retries, or counts it as lost, and raises an alarm:
/// it never fails the item or passes silently.
/// </summary>
public interface IOutbox
{
    ValueTask EnqueueAsync(WeighingRecord record, CancellationToken ct = default);

    /// <summary>Records accepted but not yet acknowledged by the broker.</summary>
    long Pending { get; }

    /// <summary>Completes when every record enqueued so far has been acknowledged by the broker.</summary>
    Task WaitUntilDrainedAsync(CancellationToken ct = default);
}
