namespace SortStation.Core.Devices;

/// <summary>State of a device as reported in health and logs.</summary>
public enum DeviceState
{
    Starting,
    Online,
    Faulted,
    SafeState,
}
