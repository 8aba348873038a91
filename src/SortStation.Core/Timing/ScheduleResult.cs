namespace SortStation.Core.Timing;

/// <summary>What <see cref="GateScheduler.Schedule"/> did with an item.</summary>
public enum ScheduleResult
{
    /// <summary>The bin has no gate: the item simply falls there.</summary>
    Passive,

    /// <summary>The gate is booked and will start before the item passes its paddle.</summary>
    Scheduled,

    /// <summary>
    /// The gate cannot start before the item passes its paddle (busy with earlier items, or the item was routed too
    /// late): nothing is booked and the item rides on to the end-of-belt bin.
    /// </summary>
    Missed,
}
