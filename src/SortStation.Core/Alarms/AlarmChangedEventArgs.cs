namespace SortStation.Core.Alarms;

/// <summary>An alarm was raised (<see cref="Raised"/> true) or cleared.</summary>
public sealed class AlarmChangedEventArgs(StationAlarm alarm, bool raised) : EventArgs
{
    public StationAlarm Alarm { get; } = alarm;

    public bool Raised { get; } = raised;
}
