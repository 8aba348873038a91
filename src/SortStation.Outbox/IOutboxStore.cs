using SortStation.Core.Pipeline;

namespace SortStation.Outbox;

/// <summary>The publisher's side of the outbox: read the oldest entries, remove them once acknowledged.</summary>
public interface IOutboxStore : IOutbox
{
    /// <summary>Weighings lost to the quota since start (refused newest or dropped oldest).</summary>
    long Dropped { get; }

    /// <summary>Weighings kept in memory because their commit failed, waiting for a retry to succeed (included in <see cref="IOutbox.Pending"/>).</summary>
    long Held { get; }

    /// <summary>Weighings lost since start because no commit succeeded for them (disk full or failing, beyond what memory keeps).</summary>
    long WriteFailed { get; }

    /// <summary>Commits that failed since start, retries included.</summary>
    long WriteErrors { get; }

    /// <summary>Waits until at least one entry is pending, then returns up to <paramref name="max"/> oldest, in order.</summary>
    ValueTask<IReadOnlyList<OutboxEntry>> ReadBatchAsync(int max, CancellationToken ct = default);

    /// <summary>Removes entries whose PUBACK arrived.</summary>
    ValueTask AcknowledgeAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken ct = default);
}
