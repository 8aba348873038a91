using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using SortStation.Core.Devices;
using SortStation.Hardware.Options;

namespace SortStation.Hardware.Triggers;

/// <summary>An item entering the region of interest of the camera image, stamped with that frame's time.</summary>
public sealed class MotionTrigger(ICamera camera, TriggerOptions options, CameraOptions cameraOptions, TimeProvider time, ILogger<MotionTrigger> log) : IItemTrigger
{
    public async IAsyncEnumerable<ItemDetected> WatchAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var detector = new MotionDetector(options);
        var level = new LevelTrigger(options.MotionThreshold, TimeSpan.FromMilliseconds(options.RearmMilliseconds), options.MinSpacing);
        var period = TimeSpan.FromSeconds(1.0 / cameraOptions.Fps);
        DateTimeOffset? lastFrame = null;
        long sequence = 0;
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(period, time, ct);
            Frame frame;
            try
            {
                frame = await camera.CaptureAsync(ct);
            }
            catch (DeviceFaultException ex)
            {
                log.LogDebug("Motion trigger: {Reason}", ex.Message);
                continue;
            }

            // The same newest frame twice has no motion in it; skip it rather than score zero.
            if (frame.CapturedAt == lastFrame)
            {
                continue;
            }

            lastFrame = frame.CapturedAt;
            if (level.Update(detector.Score(frame), frame.CapturedAt))
            {
                yield return new ItemDetected(++sequence, frame.CapturedAt);
            }
        }
    }
}
