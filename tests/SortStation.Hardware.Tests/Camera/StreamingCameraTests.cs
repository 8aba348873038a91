using Microsoft.Extensions.Time.Testing;
using SortStation.Core.Devices;
using SortStation.Hardware.Camera;
using SortStation.Hardware.Options;
using SortStation.Hardware.Tests.Support;
using SortStation.Kernel.Timing;

namespace SortStation.Hardware.Tests.Camera;

public sealed class StreamingCameraTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
    private readonly ScriptedFrameSource _source = new();
    private readonly ListLogger<StreamingCamera> _log = new();
    private readonly CameraOptions _options = new() { FrameTimeoutMilliseconds = 1000, ReconnectMinMilliseconds = 100, ReconnectMaxMilliseconds = 800 };

    [Fact]
    public async Task CaptureAsync_ReaderRanAhead_ReturnsNewestFrameNotQueuedOne()
    {
        using var camera = new StreamingCamera(_source, _options, _time, _log);
        camera.Start();
        await Eventually.TrueAsync(() => _source.Frames >= 5, _time);

        // The clock stands still from here, so the paced reader reads no more: wait until it handed over the last one.
        await Eventually.TrueAsync(() => camera.FramesRead == _source.Frames, what: "newest frame published");

        var frame = await camera.CaptureAsync();

        Assert.Equal((byte)_source.Frames, frame.Pixels[0]);
    }

    [Fact]
    public async Task CaptureAsync_FrameOutlivesNextCapture_CallerKeepsItsOwnBuffer()
    {
        using var camera = new StreamingCamera(_source, _options, _time, _log);
        var first = await Eventually.CompletesAsync(camera.CaptureAsync().AsTask(), _time);
        var kept = first.Pixels[0];

        await Eventually.TrueAsync(() => _source.Frames >= kept + 3, _time);

        Assert.Equal(kept, first.Pixels[0]);
    }

    [Fact]
    public async Task CaptureAsync_SourceUnplugged_FaultsSoPipelineRejects()
    {
        using var camera = new StreamingCamera(_source, _options, _time, _log);
        await Eventually.CompletesAsync(camera.CaptureAsync().AsTask(), _time);

        _source.Unplugged = true;
        await Eventually.TrueAsync(() => camera.State == DeviceState.Faulted, _time);

        await Assert.ThrowsAsync<DeviceFaultException>(async () => await camera.CaptureAsync());
    }

    [Fact]
    public async Task ReadLoop_SourceRecovers_OnlineAgainAndEachTransitionLoggedOnce()
    {
        using var camera = new StreamingCamera(_source, _options, _time, _log);
        await Eventually.CompletesAsync(camera.CaptureAsync().AsTask(), _time);

        _source.Unplugged = true;
        await Eventually.TrueAsync(() => camera.State == DeviceState.Faulted, _time);
        await Eventually.TrueAsync(() => _source.FailedOpens >= 3, "several failed reconnects", _time, TimeSpan.FromMilliseconds(200));
        var opensBefore = _source.Opens;
        _source.Unplugged = false;
        await Eventually.TrueAsync(() => camera.State == DeviceState.Online, _time, TimeSpan.FromMilliseconds(100));
        var frame = await Eventually.CompletesAsync(camera.CaptureAsync().AsTask(), _time);

        Assert.NotNull(frame);
        Assert.True(_source.Opens > opensBefore);
        Assert.Equal(1, _log.Count("faulted"));
        Assert.Equal(2, _log.Count("online"));
    }

    [Fact]
    public async Task CaptureAsync_NoFrameEver_ThrowsAfterFrameTimeout()
    {
        _source.Unplugged = true;
        using var camera = new StreamingCamera(_source, _options, _time, _log);

        var capture = camera.CaptureAsync().AsTask();
        await Eventually.TrueAsync(() => capture.IsCompleted, _time, TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAsync<DeviceFaultException>(() => capture);
    }

    [Fact]
    public void Backoff_RepeatedFailures_DoublesUpToMaxAndResets()
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500));

        var waits = Enumerable.Range(0, 5).Select(_ => backoff.Next().TotalMilliseconds).ToArray();
        backoff.Reset();

        Assert.Equal([100, 200, 400, 500, 500], waits);
        Assert.Equal(100, backoff.Next().TotalMilliseconds);
    }
}
