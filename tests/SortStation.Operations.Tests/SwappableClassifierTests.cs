using SortStation.Core.Classification;
using SortStation.Core.Devices;
using SortStation.Core.Options;
using SortStation.Hosting;
using SortStation.Operations.Tests.Support;
using SortStation.Vision;

namespace SortStation.Operations.Tests;

public sealed class SwappableClassifierTests
{
    private static readonly Frame Sample = new(new byte[4 * 4 * 3], 4, 4, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Swap_GoodCandidate_ClassifiesWithNewAndDisposesOld()
    {
        var old = new FakeClassifier("1");
        var next = new FakeClassifier("2");
        using var classifier = new SwappableClassifier(new ModelOptions { Path = "old" }, o => o.Path == "old" ? old : next);

        var previous = classifier.Swap(new ModelOptions { Path = "new" }, Sample);
        classifier.Classify(Sample);

        Assert.Equal("fake@1", previous.Id);
        Assert.Equal("fake@2", classifier.Model.Id);
        Assert.True(old.Disposed);
        Assert.Equal(2, next.Calls); // the check on the sample frame, then the item
        Assert.Equal(1, classifier.Swaps);
    }

    [Fact]
    public void Swap_FramePreparedOnOldModel_OldDisposedOnlyOnceItHasRun()
    {
        var old = new FakeClassifier("1");
        var next = new FakeClassifier("2");
        using var classifier = new SwappableClassifier(new ModelOptions { Path = "old" }, o => o.Path == "old" ? old : next);
        var prepared = classifier.Prepare(Sample);

        classifier.Swap(new ModelOptions { Path = "new" }, Sample);
        Assert.False(old.Disposed); // a worker is about to run the frame on it

        prepared.Run();
        Assert.Equal(1, old.Calls);
        Assert.True(old.Disposed);
    }

    [Fact]
    public void Swap_CandidateFailsToLoad_RefusedOldKept()
    {
        var old = new FakeClassifier("1");
        using var classifier = new SwappableClassifier(new ModelOptions { Path = "old" }, o => o.Path == "old" ? old : throw new InvalidDataException("protobuf parsing failed"));

        var refused = Assert.Throws<ModelRefusedException>(() => classifier.Swap(new ModelOptions { Path = "corrupt" }, Sample));

        Assert.Contains("protobuf parsing failed", refused.Message, StringComparison.Ordinal);
        Assert.Equal("fake@1", classifier.Model.Id);
        Assert.False(old.Disposed);
        classifier.Classify(Sample);
        Assert.Equal(1, classifier.Refusals);
    }

    [Fact]
    public void Swap_CandidateReturnsNaN_RefusedAndCandidateDisposed()
    {
        var broken = new FakeClassifier("2", confidence: double.NaN);
        using var classifier = new SwappableClassifier(new ModelOptions { Path = "old" }, o => o.Path == "old" ? new FakeClassifier("1") : broken);

        Assert.Throws<ModelRefusedException>(() => classifier.Swap(new ModelOptions { Path = "nan" }, Sample));

        Assert.True(broken.Disposed);
        Assert.Equal("fake@1", classifier.Model.Id);
        Assert.NotNull(classifier.LastRefusal);
    }

    [Fact]
    public void Swap_StrictLabelsAndAnUnroutedLabel_RefusedWithTheFinding()
    {
        var candidate = new FakeClassifier("2");
        using var classifier = new SwappableClassifier(new ModelOptions { Path = "old" }, o => o.Path == "old" ? new FakeClassifier("1") : candidate);
        var sorting = new SortingOptions { StrictLabels = true };

        var refused = Assert.Throws<ModelRefusedException>(() => classifier.Swap(new ModelOptions { Path = "new" }, Sample, m => ModelStartupCheck.Labels(m, sorting, new PricingOptions())));

        Assert.Contains("has the label", refused.Message, StringComparison.Ordinal);
        Assert.True(candidate.Disposed);
        Assert.Equal("fake@1", classifier.Model.Id);
    }

    [Fact]
    public void Dispose_Twice_DisposesCurrentOnce()
    {
        var current = new FakeClassifier("1");
        var classifier = new SwappableClassifier(new ModelOptions(), _ => current);

        classifier.Dispose();
        classifier.Dispose();

        Assert.True(current.Disposed);
    }
}
