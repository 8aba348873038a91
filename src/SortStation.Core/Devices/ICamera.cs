namespace SortStation.Core.Devices;

/// <summary>Source of the image of the item that just passed the camera.</summary>
public interface ICamera
{
    DeviceState State { get; }

    /// <summary>The newest frame. Throws <see cref="DeviceFaultException"/> when no frame can be had.</summary>
    ValueTask<Frame> CaptureAsync(CancellationToken ct = default);
}
