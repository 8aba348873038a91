namespace SortStation.Hardware.Options;

/// <summary>What notices an item at the camera line.</summary>
public enum TriggerKind
{
    /// <summary>A through-beam or reflective photo-eye on a GPIO input.</summary>
    PhotoEye,

    /// <summary>The scale's load rising above a threshold (camera over the scale).</summary>
    ScaleLoad,

    /// <summary>Frame differencing inside a region of the camera image.</summary>
    Motion,
}
