using SortStation.Core.Devices;

namespace SortStation.Bench;

/// <summary>A camera whose frame is already in memory, so the bench measures the station path from there.</summary>
internal sealed class MemoryCamera(Frame frame) : ICamera
{
    public DeviceState State => DeviceState.Online;

    public ValueTask<Frame> CaptureAsync(CancellationToken ct = default) => ValueTask.FromResult(frame);
}
