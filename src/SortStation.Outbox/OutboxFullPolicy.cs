namespace SortStation.Outbox;

/// <summary>What the outbox gives up when its quota is reached.</summary>
public enum OutboxFullPolicy
{
    /// <summary>Keep the backlog, refuse the newest weighing (the older history stays complete).</summary>
    RejectNewest,

    /// <summary>Accept the newest weighing, delete the oldest ones to make room (the recent history stays complete).</summary>
    DropOldest,
}
