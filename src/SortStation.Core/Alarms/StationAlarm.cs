namespace SortStation.Core.Alarms;

/// <summary>
/// One active alarm: its code (<see cref="AlarmCodes"/>), a sentence a technician can act on, since when,
/// and whether it stops sorting (a soft stop) or only needs attention.
/// </summary>
public sealed record StationAlarm(string Code, string Message, DateTimeOffset Since, bool StopsSorting);
