using SortStation.Core.Devices;

namespace SortStation.Hardware.Camera;

/// <summary>
/// Where frames come from (V4L2 device, video file, a test double). The camera reads it on its own
/// thread; a failed open or read makes the camera reconnect.
/// </summary>
public interface IFrameSource : IDisposable
{
    /// <summary>For logs: /dev/video0, a file name.</summary>
    string Name { get; }

    /// <summary>Time between frames to keep when reading does not block by itself (a file); zero for a live device.</summary>
    TimeSpan Pacing { get; }

    /// <summary>Opens (or reopens) the source; throws on failure.</summary>
    void Open();

    /// <summary>Closes the source so it can be opened again.</summary>
    void Close();

    /// <summary>The next frame, written into <paramref name="reuse"/> when it fits; null when reading failed.</summary>
    Frame? Read(byte[]? reuse, DateTimeOffset now);
}
