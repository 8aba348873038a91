using SortStation.Core.Telemetry;

namespace SortStation.Telemetry;

/// <summary>The publisher's side of the outbox: read the oldest entries, remove them once acknowledged.</summary>
public interface IOutboxStore : IOutbox
{
    /// <summary>Weighings lost to the quota since start (refused newest or dropped oldest).</summary>
    long Dropped { get; }

    /// <summary>Waits until at least one entry is pending, then returns up to <paramref name="max"/> oldest, in order.</summary>
    ValueTask<IReadOnlyList<OutboxEntry>> ReadBatchAsync(int max, CancellationToken ct = default);

    /// <summary>Removes entries whose PUBACK arrived.</summary>
    ValueTask AcknowledgeAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken ct = default);
}
