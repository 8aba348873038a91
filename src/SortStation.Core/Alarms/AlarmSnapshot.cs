namespace SortStation.Core.Alarms;

/// <summary>The active alarms at one moment; <see cref="Version"/> grows with every change, so a publisher knows what it sent.</summary>
public sealed record AlarmSnapshot(long Version, IReadOnlyList<StationAlarm> Active)
{
    /// <summary>True while any active alarm stops sorting (a soft stop).</summary>
    public bool Stopped => Active.Any(a => a.StopsSorting);
}
