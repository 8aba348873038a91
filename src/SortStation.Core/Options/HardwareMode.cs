namespace SortStation.Core.Options;

/// <summary>Which drivers sit behind the device seams.</summary>
public enum HardwareMode
{
    Simulated,
}
