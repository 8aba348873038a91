namespace SortStation.Core.Devices;

/// <summary>The interlock tripped (<see cref="Active"/> true) or was released, at <see cref="At"/>.</summary>
public sealed class InterlockChangedEventArgs(bool active, DateTimeOffset at) : EventArgs
{
    public bool Active { get; } = active;

    public DateTimeOffset At { get; } = at;
}
