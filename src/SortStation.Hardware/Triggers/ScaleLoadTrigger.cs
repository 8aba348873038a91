using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using SortStation.Core.Devices;
using SortStation.Hardware.Options;
using SortStation.Hardware.Scale;

namespace SortStation.Hardware.Triggers;

/// <summary>An item is on the scale (under the camera) when the net load rises above the threshold.</summary>
public sealed class ScaleLoadTrigger(ILoadSensor scale, TriggerOptions options, TimeProvider time, ILogger<ScaleLoadTrigger> log) : IItemTrigger
{
    public async IAsyncEnumerable<ItemDetected> WatchAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var level = new LevelTrigger(options.LoadThresholdGrams, TimeSpan.FromMilliseconds(options.RearmMilliseconds), options.MinSpacing);
        long sequence = 0;
        while (!ct.IsCancellationRequested)
        {
            double grams;
            try
            {
                grams = (await scale.SampleNetAsync(ct)).Grams;
            }
            catch (DeviceFaultException ex)
            {
                log.LogWarning("Load trigger: {Reason}", ex.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(500), time, ct);
                continue;
            }

            var now = time.GetUtcNow();
            if (level.Update(grams, now))
            {
                yield return new ItemDetected(++sequence, now);
            }
        }
    }
}
