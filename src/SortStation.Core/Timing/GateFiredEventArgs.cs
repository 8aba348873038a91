namespace SortStation.Core.Timing;

/// <summary>A gate fired: when it should have and when it did.</summary>
public sealed class GateFiredEventArgs(string bin, string itemId, DateTimeOffset scheduledAt, DateTimeOffset firedAt) : EventArgs
{
    public string Bin { get; } = bin;

    public string ItemId { get; } = itemId;

    public DateTimeOffset ScheduledAt { get; } = scheduledAt;

    public DateTimeOffset FiredAt { get; } = firedAt;

    public TimeSpan Error => FiredAt - ScheduledAt;
}
