using Microsoft.Extensions.Options;
using OpenCvSharp;
using SortStation.Core.Devices;
using SortStation.Imaging;

namespace SortStation.Simulation;

/// <summary>The camera of the simulated belt: the current item's photo, or a synthetic drawing of it.</summary>
public sealed class SimulatedCamera(SimulatedConveyor conveyor, IOptions<SimulationOptions> options, TimeProvider time) : ICamera
{
    private readonly SyntheticFrameRenderer _renderer = new(options.Value.FrameWidth, options.Value.FrameHeight);
    private byte[]? _buffer;

    public DeviceState State { get; private set; } = DeviceState.Online;

    public ValueTask<Frame> CaptureAsync(CancellationToken ct = default)
    {
        var item = conveyor.Current ?? throw new DeviceFaultException("no item under the simulated camera");
        using var mat = item.ImagePath is { } path ? Cv2.ImRead(path, ImreadModes.Color) : _renderer.Render(item.TrueLabel, conveyor.NextInt);
        if (mat.Empty())
        {
            State = DeviceState.Faulted;
            throw new DeviceFaultException($"{item.ImagePath}: not a readable image");
        }

        State = DeviceState.Online;
        var frame = ImageFiles.ToFrame(mat, _buffer, time.GetUtcNow());
        _buffer = frame.Pixels;
        return ValueTask.FromResult(frame);
    }
}
