namespace SortStation.Outbox;

/// <summary>A weighing waiting for the next group commit; <see cref="Done"/> completes once it is on disk.</summary>
internal sealed class PendingWrite(string itemId, byte[] payload)
{
    public string ItemId { get; } = itemId;

    public byte[] Payload { get; } = payload;

    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
