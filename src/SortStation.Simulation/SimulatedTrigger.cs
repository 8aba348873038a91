using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using SortStation.Core.Alarms;
using SortStation.Core.Devices;
using SortStation.Core.Options;

namespace SortStation.Simulation;

/// <summary>
/// Items arriving at a steady interval; stops after Simulation:Items when that is set. With
/// Simulation:JamAfterItems the simulated photo-eye is then held blocked for Simulation:JamHoldSeconds (no item
/// passes), and watched as the real one is: longer than Trigger:JamSeconds is a jam, which clears with the beam.
/// </summary>
public sealed class SimulatedTrigger(
    SimulatedConveyor conveyor,
    IOptions<SimulationOptions> options,
    TimeProvider time,
    StationAlarms? alarms = null,
    IOptions<TriggerWatchOptions>? watch = null) : IItemTrigger
{
    public async IAsyncEnumerable<ItemDetected> WatchAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var o = options.Value;
        var interval = TimeSpan.FromMilliseconds(o.ItemIntervalMilliseconds);
        var jamLimit = TimeSpan.FromSeconds((watch?.Value ?? new TriggerWatchOptions()).JamSeconds);
        using var jam = alarms is null ? null : new JamWatch(alarms, jamLimit, time, "the simulated photo-eye (Simulation:JamAfterItems)");
        for (long sequence = 1; o.Items == 0 || sequence <= o.Items; sequence++)
        {
            await Task.Delay(interval, time, ct);
            conveyor.Advance(sequence);
            yield return new ItemDetected(sequence, time.GetUtcNow());
            if (sequence == o.JamAfterItems)
            {
                jam?.Blocked();
                await Task.Delay(TimeSpan.FromSeconds(o.JamHoldSeconds), time, ct);
                jam?.Cleared();
            }
        }
    }
}
