using OpenCvSharp;
using SortStation.Hardware.Camera;
using SortStation.Hardware.Options;

namespace SortStation.Hardware.Tests.Camera;

public sealed class VideoFileReplayTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"replay-{Guid.NewGuid():N}.avi");

    [Fact]
    public void Read_RecordedFile_ReplaysFramesAndLoopsAtEnd()
    {
        using (var writer = new VideoWriter(_file, FourCC.MJPG, 10, new Size(64, 48)))
        {
            Assert.True(writer.IsOpened(), "OpenCV could not write MJPG/AVI here");
            for (var i = 0; i < 3; i++)
            {
                using var mat = new Mat(48, 64, MatType.CV_8UC3, new Scalar(i * 100, 50, 50));
                writer.Write(mat);
            }
        }

        using var source = VideoCaptureSource.File(new CameraOptions(), _file);
        source.Open();
        var frames = Enumerable.Range(0, 5).Select(_ => source.Read(null, DateTimeOffset.UnixEpoch)).ToArray();

        Assert.All(frames, f => Assert.Equal((64, 48), (f!.Width, f.Height)));
        Assert.Equal(TimeSpan.FromMilliseconds(100), source.Pacing);
        Assert.InRange(frames[3]!.Pixels[0], 0, 40); // frame 4 is the first frame again (blue ≈ 0)
    }

    [Fact]
    public void Open_MissingDevice_ThrowsDeviceFault()
    {
        using var source = VideoCaptureSource.Device(new CameraOptions { Device = "/dev/video-missing" });

        Assert.Throws<SortStation.Core.Devices.DeviceFaultException>(source.Open);
    }

    public void Dispose() => File.Delete(_file);
}
