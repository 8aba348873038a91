using SortStation.Core.Options;

namespace SortStation.Hardware.Options;

/// <summary>
/// Every section that claims a GPIO, bound from the configuration root so the pin map can be checked
/// across sections (two functions on one pin is a wiring error no single section can see).
/// </summary>
public sealed class HardwareLayout
{
    public SortingOptions Sorting { get; set; } = new();

    public ScaleOptions Scale { get; set; } = new();

    public TriggerOptions Trigger { get; set; } = new();

    public EStopOptions EStop { get; set; } = new();
}
