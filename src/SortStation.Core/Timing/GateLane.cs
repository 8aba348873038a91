using SortStation.Core.Devices;

namespace SortStation.Core.Timing;

/// <summary>A gate and the lock that lets it do one diversion at a time.</summary>
internal sealed class GateLane(IGate gate)
{
    public IGate Gate { get; } = gate;

    public SemaphoreSlim Busy { get; } = new(1, 1);
}
