using SortStation.Core.Devices;
using SortStation.Hardware.Camera;

namespace SortStation.Hardware.Tests.Support;

/// <summary>
/// A frame source a test scripts: it can refuse to open, fail reads (unplugged) and recover. Every
/// frame carries its number in its first pixel byte so a test can tell which frame it got.
/// </summary>
public sealed class ScriptedFrameSource : IFrameSource
{
    private int _counter;
    private bool _unplugged;

    public string Name => "scripted";

    public TimeSpan Pacing { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>While true, Open throws and Read returns null (camera unplugged).</summary>
    public bool Unplugged
    {
        get => Volatile.Read(ref _unplugged);
        set => Volatile.Write(ref _unplugged, value);
    }

    public int Opens { get; private set; }

    public int FailedOpens { get; private set; }

    public int Frames => Volatile.Read(ref _counter);

    public void Open()
    {
        if (Unplugged)
        {
            FailedOpens++;
            throw new DeviceFaultException("no such device");
        }

        Opens++;
    }

    public void Close()
    {
    }

    public Frame? Read(byte[]? reuse, DateTimeOffset now)
    {
        if (Unplugged)
        {
            return null;
        }

        var pixels = reuse is { Length: 4 * 4 * 3 } ? reuse : new byte[4 * 4 * 3];
        pixels[0] = (byte)Interlocked.Increment(ref _counter);
        return new Frame(pixels, 4, 4, now);
    }

    public void Dispose()
    {
    }
}
