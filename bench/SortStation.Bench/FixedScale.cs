using SortStation.Core.Devices;
using SortStation.Core.Units;

namespace SortStation.Bench;

/// <summary>A scale that always reads the same weight, so only the station's own work is timed.</summary>
internal sealed class FixedScale : IScale
{
    public DeviceState State => DeviceState.Online;

    public ValueTask<Mass> ReadAsync(CancellationToken ct = default) => ValueTask.FromResult(Mass.FromGrams(250));
}
