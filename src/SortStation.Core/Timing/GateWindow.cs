namespace SortStation.Core.Timing;

/// <summary>
/// One gate's timing limits: a diversion occupies the gate for <see cref="Cycle"/> (pulse + release), and a
/// fire may start at most <see cref="MaxLate"/> after its item's due time (while the item is still in front of the paddle).
/// </summary>
public readonly record struct GateWindow(TimeSpan Cycle, TimeSpan MaxLate);
