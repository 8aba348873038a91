namespace SortStation.Core.Timing;

/// <summary>
/// A gate fired: when its item arrived (<see cref="DueAt"/>), when the fire was booked to start (<see cref="ScheduledAt"/>:
/// later than due when the gate was busy with earlier items), the latest start that still diverts the item
/// (<see cref="StartBy"/>), and when it did start.
/// </summary>
public sealed class GateFiredEventArgs(string bin, string itemId, DateTimeOffset dueAt, DateTimeOffset scheduledAt, DateTimeOffset startBy, DateTimeOffset firedAt) : EventArgs
{
    public string Bin { get; } = bin;

    public string ItemId { get; } = itemId;

    public DateTimeOffset DueAt { get; } = dueAt;

    public DateTimeOffset ScheduledAt { get; } = scheduledAt;

    public DateTimeOffset StartBy { get; } = startBy;

    public DateTimeOffset FiredAt { get; } = firedAt;

    /// <summary>How far the start was from its booked time: the gate clock's own error.</summary>
    public TimeSpan Error => FiredAt - ScheduledAt;

    /// <summary>How long the item waited for its gate to be free (0 when it was free).</summary>
    public TimeSpan Queued => ScheduledAt - DueAt;

    /// <summary>True when it started after its item had passed the paddle (the scheduler skips such fires; never expected).</summary>
    public bool Late => FiredAt > StartBy;
}
