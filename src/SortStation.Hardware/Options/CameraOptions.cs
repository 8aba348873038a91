namespace SortStation.Hardware.Options;

/// <summary>Section <c>Camera</c>: the V4L2 camera over the camera line, or a recorded video to replay.</summary>
public sealed class CameraOptions
{
    public const string Section = "Camera";

    /// <summary>V4L2 device: an index ("0") or a path ("/dev/video0").</summary>
    public string Device { get; set; } = "/dev/video0";

    /// <summary>Replay this video file instead of the device (recorded runs); null uses the device.</summary>
    public string? ReplayFile { get; set; }

    public int Width { get; set; } = 640;

    public int Height { get; set; } = 480;

    public int Fps { get; set; } = 30;

    /// <summary>Manual exposure in the driver's units (V4L2 exposure_time_absolute, 100 µs steps); null = auto.</summary>
    public double? Exposure { get; set; }

    /// <summary>White balance temperature in kelvin; null = auto.</summary>
    public int? WhiteBalanceKelvin { get; set; }

    /// <summary>A newest frame older than this counts as no frame: the camera is treated as faulted.</summary>
    public int FrameTimeoutMilliseconds { get; set; } = 1000;

    /// <summary>Reconnect back-off: first wait after a failure, doubling up to the maximum.</summary>
    public int ReconnectMinMilliseconds { get; set; } = 500;

    public int ReconnectMaxMilliseconds { get; set; } = 10_000;
}
