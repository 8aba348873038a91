namespace SortStation.Core.Timing;

/// <summary>
/// One item on its way to a gate: due when it arrives, booked to start at <see cref="StartAt"/> (later when
/// the gate is busy with earlier items), and too late after <see cref="StartBy"/> (the item has passed the paddle).
/// Reference identity: two items may share a due time.
/// </summary>
internal sealed class ScheduledFire(GateLane lane, string itemId, DateTimeOffset dueAt, DateTimeOffset startAt, DateTimeOffset startBy)
{
    public GateLane Lane { get; } = lane;

    public string ItemId { get; } = itemId;

    public DateTimeOffset DueAt { get; } = dueAt;

    public DateTimeOffset StartAt { get; } = startAt;

    public DateTimeOffset StartBy { get; } = startBy;

    private int _claimed;

    public ITimer? Timer { get; set; }

    /// <summary>True for the first caller only: the clock that fires it, or a stop that cancels it.</summary>
    public bool TryClaim() => Interlocked.Exchange(ref _claimed, 1) == 0;

    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
