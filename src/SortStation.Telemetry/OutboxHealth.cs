namespace SortStation.Telemetry;

/// <summary>
/// Outbox part of the health message: <see cref="Pending"/> is the backlog waiting for PUBACK (with what is
/// <see cref="Held"/> in memory while commits fail); <see cref="Dropped"/> lost to the quota,
/// <see cref="WriteFailed"/> lost because no commit succeeded for them.
/// </summary>
public sealed record OutboxHealth(long Pending, long Dropped, long Held, long WriteFailed);
