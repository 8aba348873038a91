namespace SortStation.Core.Alarms;

/// <summary>The station's state in one word for health (MQTT and /healthz): what a technician needs first.</summary>
public static class SortingState
{
    public const string Running = "running";
    public const string Idle = "idle";
    public const string Jam = "jam";
    public const string SoftStopped = "soft-stopped";
    public const string EStop = "e-stop";

    /// <summary>e-stop, then jam (a jam or a backlog), then any other soft stop, then idle, else running.</summary>
    public static string Of(AlarmSnapshot alarms, bool idle, bool estop)
    {
        ArgumentNullException.ThrowIfNull(alarms);
        if (estop)
        {
            return EStop;
        }

        var stops = alarms.Active.Where(a => a.StopsSorting).ToArray();
        if (stops.Any(a => a.Code is AlarmCodes.Jam or AlarmCodes.Backlog))
        {
            return Jam;
        }

        return stops.Length > 0 ? SoftStopped : idle ? Idle : Running;
    }

    /// <summary>False for the states that need a technician (jam, soft stop); an e-stop someone pressed is not a fault.</summary>
    public static bool IsHealthy(string state) => state is not (Jam or SoftStopped);
}
