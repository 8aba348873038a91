namespace SortStation.Core.Options;

/// <summary>Which drivers sit behind the device seams.</summary>
public enum HardwareMode
{
    /// <summary>No devices: the simulated belt (demo, development, CI).</summary>
    Simulated,

    /// <summary>A Raspberry Pi: V4L2 camera, HX711 scale, GPIO photo-eye, gates and e-stop (SortStation.Hardware).</summary>
    Raspberry,
}
