using SortStation.Core.Devices;
using SortStation.Core.Options;
using SortStation.Integration.Tests.Support;
using SortStation.Vision;

namespace SortStation.Integration.Tests;

/// <summary>
/// The shipped model's classifier with <c>Model:Workers</c> 2: two frames prepared into their own slots classify at
/// once on one session, exactly as one at a time, while the camera reuses its buffer.
/// </summary>
public sealed class ClassifierSlotsTests
{
    [Fact]
    public async Task Prepare_CameraReusesBufferAndTwoRunsAtOnce_SameAsOneAtATime()
    {
        using var classifier = new OnnxClassifier(new ModelOptions { Path = RepoPaths.ShippedModel, IntraOpThreads = 1, Workers = 2 });
        var (a, b) = (Noise(1), Noise(2));
        var expectedA = classifier.Classify(a).Top;
        var expectedB = classifier.Classify(b).Top;
        Assert.NotEqual(expectedA, expectedB);

        // One buffer, as a streaming camera hands out: each frame is overwritten right after it was prepared.
        var buffer = (byte[])a.Pixels.Clone();
        var frame = new Frame(buffer, a.Width, a.Height, a.CapturedAt);
        var preparedA = classifier.Prepare(frame);
        b.Pixels.CopyTo(buffer, 0);
        var preparedB = classifier.Prepare(frame);
        Array.Fill(buffer, (byte)0);
        var results = await Task.WhenAll(Task.Run(preparedA.Run), Task.Run(preparedB.Run));

        Assert.Equal(expectedA, results[0].Top);
        Assert.Equal(expectedB, results[1].Top);
    }

    [Fact]
    public async Task Prepare_EverySlotInUse_WaitsUntilOneHasRun()
    {
        using var classifier = new OnnxClassifier(new ModelOptions { Path = RepoPaths.ShippedModel, IntraOpThreads = 1, Workers = 1 });
        var expected = classifier.Classify(Noise(2)).Top;
        var first = classifier.Prepare(Noise(1));

        var second = Task.Run(() => classifier.Prepare(Noise(2)));
        await Task.Delay(50); // time for a classifier without slot accounting to overwrite the first input
        Assert.False(second.IsCompleted);

        first.Run();
        var result = (await second.WaitAsync(TimeSpan.FromSeconds(10))).Run();
        Assert.Equal(expected, result.Top);
    }

    private static Frame Noise(int seed)
    {
        var pixels = new byte[320 * 240 * 3];
        new Random(seed).NextBytes(pixels);
        return new Frame(pixels, 320, 240, DateTimeOffset.UnixEpoch);
    }
}
