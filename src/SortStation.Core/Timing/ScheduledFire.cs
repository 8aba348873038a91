namespace SortStation.Core.Timing;

/// <summary>One item on its way to a gate. Reference identity: two items may share a due time.</summary>
internal sealed class ScheduledFire(GateLane lane, string itemId, DateTimeOffset fireAt)
{
    public GateLane Lane { get; } = lane;

    public string ItemId { get; } = itemId;

    public DateTimeOffset FireAt { get; } = fireAt;

    public ITimer? Timer { get; set; }

    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
