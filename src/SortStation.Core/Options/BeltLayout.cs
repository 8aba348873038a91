namespace SortStation.Core.Options;

/// <summary>
/// The sections that together decide whether every gate can be reached in time, bound from the configuration root
/// so the layout can be checked across them (no single section can see that a gate is too close for the belt speed).
/// </summary>
public sealed class BeltLayout
{
    public SortingOptions Sorting { get; set; } = new();

    public BeltOptions Belt { get; set; } = new();
}
