using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SortStation.Core.Devices;
using SortStation.Core.Units;
using SortStation.Hardware.Options;
using SortStation.Hardware.Scale;
using SortStation.Hardware.Tests.Support;
using SortStation.Hardware.Triggers;

namespace SortStation.Hardware.Tests.Triggers;

public sealed class ScaleAndMotionTriggerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ScaleLoad_TwoItemsCrossThreshold_TwoEvents()
    {
        double[] grams = [0, 1, 250, 260, 255, 0, 0, 0, 0, 40, 41, 0];
        var sensor = new ScriptedLoad(grams, _time);
        var trigger = new ScaleLoadTrigger(sensor, new TriggerOptions { LoadThresholdGrams = 10, RearmMilliseconds = 150 }, _time, NullLogger<ScaleLoadTrigger>.Instance);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));

        var items = new List<ItemDetected>();
        await foreach (var item in trigger.WatchAsync(cts.Token).Take(2))
        {
            items.Add(item);
        }

        // Sample i completes at (i + 1) × 100 ms: the 250 g sample is the third, the 40 g one the tenth.
        Assert.Equal([3, 10], items.Select(i => (int)((i.At - sensor.Start).TotalMilliseconds / 100)));
    }

    [Fact]
    public void MotionDetector_ItemEntersRoi_ScoresAboveThreshold()
    {
        var detector = new MotionDetector(new TriggerOptions());
        var empty = Frame(64, 48, (_, _) => 60);
        var item = Frame(64, 48, (x, y) => x is > 24 and < 40 && y is > 16 and < 32 ? 200 : 60);

        detector.Score(empty);
        var score = detector.Score(item);

        Assert.True(score > 12, $"score {score}");
    }

    [Fact]
    public void MotionDetector_ChangeOutsideRoi_ScoresZero()
    {
        var detector = new MotionDetector(new TriggerOptions { RoiLeft = 0.5, RoiTop = 0, RoiWidth = 0.5, RoiHeight = 1 });
        detector.Score(Frame(64, 48, (_, _) => 60));

        Assert.Equal(0, detector.Score(Frame(64, 48, (x, _) => x < 20 ? 250 : 60)));
    }

    [Fact]
    public async Task MotionTrigger_FramesWithItem_EmitsStampedWithFrameTime()
    {
        var camera = new ScriptedCamera([60, 60, 200, 200, 60], _time);
        var trigger = new MotionTrigger(camera, new TriggerOptions { RearmMilliseconds = 0 }, new CameraOptions { Fps = 10 }, _time, NullLogger<MotionTrigger>.Instance);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));

        var first = trigger.WatchAsync(cts.Token).FirstAsync(cts.Token).AsTask();
        var item = await Eventually.CompletesAsync(first, _time, TimeSpan.FromMilliseconds(100));

        Assert.Equal(camera.FrameTimes[2], item.At);
    }

    private static Frame Frame(int w, int h, Func<int, int, int> grey)
    {
        var pixels = new byte[w * h * 3];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var v = (byte)grey(x, y);
                pixels[((y * w) + x) * 3] = v;
                pixels[(((y * w) + x) * 3) + 1] = v;
                pixels[(((y * w) + x) * 3) + 2] = v;
            }
        }

        return new Frame(pixels, w, h, DateTimeOffset.UnixEpoch);
    }

    private sealed class ScriptedLoad(double[] grams, FakeTimeProvider time) : ILoadSensor
    {
        private int _i;

        public DateTimeOffset Start { get; } = time.GetUtcNow();

        public ValueTask<Mass> SampleNetAsync(CancellationToken ct = default)
        {
            time.Advance(TimeSpan.FromMilliseconds(100)); // 10 SPS
            var g = grams[Math.Min(_i++, grams.Length - 1)];
            return ValueTask.FromResult(Mass.FromGrams(g));
        }
    }

    private sealed class ScriptedCamera(int[] greys, FakeTimeProvider time) : ICamera
    {
        private int _i;

        public List<DateTimeOffset> FrameTimes { get; } = [];

        public DeviceState State => DeviceState.Online;

        public ValueTask<Frame> CaptureAsync(CancellationToken ct = default)
        {
            var grey = greys[Math.Min(_i++, greys.Length - 1)];
            var frame = new Frame(Enumerable.Repeat((byte)grey, 32 * 24 * 3).ToArray(), 32, 24, time.GetUtcNow());
            FrameTimes.Add(frame.CapturedAt);
            return ValueTask.FromResult(frame);
        }
    }
}
