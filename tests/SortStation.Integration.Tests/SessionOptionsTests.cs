using SortStation.Core.Classification;
using SortStation.Core.Devices;
using SortStation.Core.Options;
using SortStation.Integration.Tests.Support;
using SortStation.Vision;

namespace SortStation.Integration.Tests;

/// <summary>The <c>Model:*</c> session keys reach ONNX Runtime, and <c>auto</c> threads follow the cores.</summary>
public sealed class SessionOptionsTests
{
    [Fact]
    public void Constructor_SpinningOffPinnedParallel_SameScoresAsDefaults()
    {
        using var defaults = new OnnxClassifier(new ModelOptions { Path = RepoPaths.ShippedModel, Workers = 1, IntraOpThreads = 2 });
        using var tuned = new OnnxClassifier(new ModelOptions
        {
            Path = RepoPaths.ShippedModel,
            Workers = 1,
            IntraOpThreads = 2,
            IntraOpSpinning = false,
            InterOpSpinning = false,
            IntraOpThreadAffinities = "1",
            ExecutionMode = ModelExecutionMode.Parallel,
        });
        var frame = Noise();

        Assert.Equal(defaults.Classify(frame).Top, tuned.Classify(frame).Top);
    }

    [Fact]
    public void Constructor_AffinitiesOnnxRuntimeRefuses_ModelRefused()
    {
        // Past the validator (which refuses it first): proves the key is handed to ONNX Runtime, which checks
        // that it names one processor set per intra-op thread it starts.
        var ex = Assert.Throws<InvalidDataException>(() => new OnnxClassifier(new ModelOptions { Path = RepoPaths.ShippedModel, Workers = 1, IntraOpThreads = 2, IntraOpThreadAffinities = "1;1;1" }));

        Assert.Contains("affinit", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Constructor_Auto_ThreadsAndSlotsFromTheCores()
    {
        using var classifier = new OnnxClassifier(new ModelOptions { Path = RepoPaths.ShippedModel });
        var (workers, threads) = ThreadDefaults.For(Environment.ProcessorCount);

        Assert.Equal(threads, classifier.IntraOpThreads);
        // One slot per item in flight (workers, one more queued ahead with several): none of these waits.
        var prepared = Enumerable.Range(0, ClassificationWorkers.InFlightFor(workers, queueAhead: true)).Select(_ => classifier.Prepare(Noise())).ToList();
        prepared.ForEach(p => p.Run());
    }

    private static Frame Noise()
    {
        var pixels = new byte[320 * 240 * 3];
        new Random(7).NextBytes(pixels);
        return new Frame(pixels, 320, 240, DateTimeOffset.UnixEpoch);
    }
}
