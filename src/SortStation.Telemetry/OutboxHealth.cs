namespace SortStation.Telemetry;

/// <summary>Outbox part of the health message: <see cref="Pending"/> is the backlog waiting for PUBACK.</summary>
public sealed record OutboxHealth(long Pending, long Dropped);
