using SortStation.Core.Devices;
using SortStation.Core.Units;

namespace SortStation.Simulation;

/// <summary>The scale of the simulated belt: the current item's weight (with its simulated spread).</summary>
public sealed class SimulatedScale(SimulatedConveyor conveyor) : IScale
{
    public DeviceState State => DeviceState.Online;

    public ValueTask<Mass> ReadAsync(CancellationToken ct = default) =>
        ValueTask.FromResult(conveyor.Current?.Weight ?? Mass.Zero);
}
