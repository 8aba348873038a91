using SortStation.Core.Devices;

namespace SortStation.Testing;

/// <summary>A camera that returns the given frame (a 4×4 grey one by default), or faults when told to.</summary>
public sealed class FakeCamera(Frame? frame = null) : ICamera
{
    public bool Faulted { get; set; }

    public DeviceState State => Faulted ? DeviceState.Faulted : DeviceState.Online;

    public ValueTask<Frame> CaptureAsync(CancellationToken ct = default) => Faulted
        ? throw new DeviceFaultException("camera unplugged")
        : ValueTask.FromResult(frame ?? new Frame(new byte[4 * 4 * 3], 4, 4, DateTimeOffset.UnixEpoch));
}
