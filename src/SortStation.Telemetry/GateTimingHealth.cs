namespace SortStation.Telemetry;

/// <summary>
/// Gate timing part of the health message, totals since start: <see cref="MissedGates"/> items recorded to the
/// end-of-belt bin because their gate could not start in time; <see cref="LostFires"/> booked fires that did not
/// happen, whose records name a bin the item did not reach.
/// </summary>
public sealed record GateTimingHealth(long MissedGates, long LostFires);
