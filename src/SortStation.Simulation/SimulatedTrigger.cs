using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using SortStation.Core.Devices;

namespace SortStation.Simulation;

/// <summary>Items arriving at a steady interval; stops after Simulation:Items when that is set.</summary>
public sealed class SimulatedTrigger(SimulatedConveyor conveyor, IOptions<SimulationOptions> options, TimeProvider time) : IItemTrigger
{
    public async IAsyncEnumerable<ItemDetected> WatchAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var o = options.Value;
        var interval = TimeSpan.FromMilliseconds(o.ItemIntervalMilliseconds);
        for (long sequence = 1; o.Items == 0 || sequence <= o.Items; sequence++)
        {
            await Task.Delay(interval, time, ct);
            conveyor.Advance(sequence);
            yield return new ItemDetected(sequence, time.GetUtcNow());
        }
    }
}
