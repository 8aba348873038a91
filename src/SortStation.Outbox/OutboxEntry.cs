namespace SortStation.Outbox;

/// <summary>A serialized weighing waiting for its PUBACK. <see cref="Sequence"/> orders the outbox.</summary>
public sealed record OutboxEntry(long Sequence, string ItemId, ReadOnlyMemory<byte> Payload);
