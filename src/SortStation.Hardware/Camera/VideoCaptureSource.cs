using System.Globalization;
using OpenCvSharp;
using SortStation.Core.Devices;
using SortStation.Hardware.Options;
using SortStation.Imaging;

namespace SortStation.Hardware.Camera;

/// <summary>
/// OpenCV VideoCapture on a V4L2 device (index or /dev/videoN), or on a video file that is replayed in a
/// loop at its own frame rate (recorded runs).
/// </summary>
public sealed class VideoCaptureSource : IFrameSource
{
    // V4L2 in OpenCV: CAP_PROP_AUTO_EXPOSURE 1 = manual, 3 = aperture priority (auto).
    private const double V4l2ManualExposure = 1;
    private const double V4l2AutoExposure = 3;
    private readonly CameraOptions _options;
    private readonly bool _isFile;
    private readonly Mat _mat = new();
    private VideoCapture? _capture;

    private VideoCaptureSource(CameraOptions options, string name, bool isFile)
    {
        _options = options;
        Name = name;
        _isFile = isFile;
    }

    public string Name { get; }

    public TimeSpan Pacing { get; private set; }

    public static VideoCaptureSource Device(CameraOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new VideoCaptureSource(options, options.Device, isFile: false);
    }

    public static VideoCaptureSource File(CameraOptions options, string path)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new VideoCaptureSource(options, path, isFile: true);
    }

    public void Open()
    {
        Close();
        var capture = _isFile ? new VideoCapture(Name)
            : int.TryParse(Name, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? new VideoCapture(index, VideoCaptureAPIs.V4L2)
            : new VideoCapture(Name, VideoCaptureAPIs.V4L2);
        if (!capture.IsOpened())
        {
            capture.Dispose();
            throw new DeviceFaultException($"{Name}: cannot open (unplugged, busy, or no permission: is the user in the video group?)");
        }

        if (_isFile)
        {
            var fps = capture.Fps;
            Pacing = TimeSpan.FromSeconds(1.0 / (fps is > 0 and < 1000 ? fps : 30));
        }
        else
        {
            Configure(capture);
        }

        _capture = capture;
    }

    public void Close()
    {
        _capture?.Dispose();
        _capture = null;
    }

    public Frame? Read(byte[]? reuse, DateTimeOffset now)
    {
        if (_capture is null)
        {
            return null;
        }

        if (!_capture.Read(_mat) || _mat.Empty())
        {
            if (!_isFile)
            {
                return null;
            }

            // End of the recording: start again from its first frame.
            _capture.Set(VideoCaptureProperties.PosFrames, 0);
            if (!_capture.Read(_mat) || _mat.Empty())
            {
                return null;
            }
        }

        return ImageFiles.ToFrame(_mat, reuse, now);
    }

    public void Dispose()
    {
        Close();
        _mat.Dispose();
    }

    private void Configure(VideoCapture capture)
    {
        capture.Set(VideoCaptureProperties.FrameWidth, _options.Width);
        capture.Set(VideoCaptureProperties.FrameHeight, _options.Height);
        capture.Set(VideoCaptureProperties.Fps, _options.Fps);

        // Keep the driver queue short; the reader thread drains it anyway so only the newest frame is used.
        capture.Set(VideoCaptureProperties.BufferSize, 1);
        if (_options.Exposure is { } exposure)
        {
            capture.Set(VideoCaptureProperties.AutoExposure, V4l2ManualExposure);
            capture.Set(VideoCaptureProperties.Exposure, exposure);
        }
        else
        {
            capture.Set(VideoCaptureProperties.AutoExposure, V4l2AutoExposure);
        }

        if (_options.WhiteBalanceKelvin is { } kelvin)
        {
            capture.Set(VideoCaptureProperties.AutoWB, 0);
            capture.Set(VideoCaptureProperties.WBTemperature, kelvin);
        }
        else
        {
            capture.Set(VideoCaptureProperties.AutoWB, 1);
        }
    }
}
