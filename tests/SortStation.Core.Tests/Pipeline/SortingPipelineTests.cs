using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SortStation.Contracts;
using SortStation.Core.Devices;
using SortStation.Core.Identity;
using SortStation.Core.Options;
using SortStation.Core.Pipeline;
using SortStation.Core.Pricing;
using SortStation.Core.Routing;
using SortStation.Core.Tests.Support;
using SortStation.Core.Timing;
using SortStation.Core.Units;

namespace SortStation.Core.Tests.Pipeline;

public sealed class SortingPipelineTests : IAsyncDisposable
{
    private readonly PipelineRig _rig = new();
    private readonly FakeTimeProvider _time;
    private readonly FakeCamera _camera;
    private readonly FakeClassifier _classifier;
    private readonly FakeScale _scale;
    private readonly RecordingOutbox _outbox;
    private readonly RecordingGate _glass;
    private readonly RecordingGate _fibre;
    private readonly GateScheduler _gates;
    private readonly SortingStatistics _statistics;
    private readonly SortingPipeline _pipeline;

    public SortingPipelineTests()
    {
        (_time, _camera, _classifier, _scale, _outbox) = (_rig.Time, _rig.Camera, _rig.Classifier, _rig.Scale, _rig.Outbox);
        (_glass, _fibre, _gates, _statistics, _pipeline) = (_rig.Glass, _rig.Fibre, _rig.Gates, _rig.Statistics, _rig.Pipeline);
    }

    [Fact]
    public async Task ProcessAsync_ConfidentItem_RecordCarriesEveryField()
    {
        var seen = _time.GetUtcNow();

        var outcome = await _pipeline.ProcessAsync(new ItemDetected(1, seen));

        var record = Assert.Single(_outbox.Records);
        Assert.Same(outcome.Record, record);
        Assert.Equal(WeighingSchema.Current, record.Schema);
        Assert.Matches("^[0-9A-Z]{26}$", record.ItemId);
        Assert.Equal(("line-7", seen, "glass", 0.9, "glass", "routed"), (record.StationId, record.Timestamp, record.Label, record.Confidence, record.Bin, record.Reason));
        Assert.Equal(3, record.Top.Count);
        Assert.Equal(0.35, record.WeightKg!.Value, 9);
        Assert.Equal((500m, 175m, "IDR"), (record.UnitPrice, record.Value, record.Currency));
        Assert.Equal("fake@1.2.3", record.Model);
    }

    [Fact]
    public async Task ProcessAsync_RoutedItem_GateFiresWhenItemArrives()
    {
        var seen = _time.GetUtcNow();
        await _pipeline.ProcessAsync(new ItemDetected(1, seen));

        _time.Advance(TimeSpan.FromMilliseconds(1599)); // glass gate: 0.8 m at 0.5 m/s
        Assert.Empty(_glass.Fired);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await _gates.WhenIdleAsync();

        Assert.Equal([seen.AddSeconds(1.6)], _glass.Fired);
        Assert.Empty(_fibre.Fired);
    }

    [Fact]
    public async Task ProcessAsync_GateCannotStartBeforeTheItemPasses_RecordSaysEndOfBeltMissedGateUnpriced()
    {
        // Three glass items 60 ms apart: the glass gate (80 ms pulse + 20 ms release; 100 ms in front of its 0.05 m
        // paddle at 0.5 m/s, booked in the first half of that) can divert the first two, not the third.
        var seen = _time.GetUtcNow();
        var outcomes = new List<SortOutcome>();
        for (var i = 0; i < 3; i++)
        {
            outcomes.Add(await _pipeline.ProcessAsync(new ItemDetected(i + 1, seen.AddMilliseconds(60 * i))));
        }

        Assert.Equal(["glass", "glass", "reject"], outcomes.Select(o => o.Record.Bin));
        Assert.Equal(["routed", "routed", "missed-gate"], outcomes.Select(o => o.Record.Reason));
        Assert.Equal("glass", outcomes[2].Record.Label);
        Assert.Null(outcomes[2].Record.Value); // not sorted as glass, so not paid as glass
        for (var ms = 0; ms < 2000; ms += 10)
        {
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }

        await _gates.WhenIdleAsync();
        Assert.Equal([seen.AddSeconds(1.6), seen.AddSeconds(1.7)], _glass.Fired);
        Assert.Equal(1, _gates.Statistics.MissedTotal);
    }

    [Fact]
    public async Task ProcessAsync_LowConfidence_RejectedUnpricedAndNoGate()
    {
        _classifier.Next = [new LabelScore("glass", 0.4), new LabelScore("paper", 0.35)];

        var outcome = await _pipeline.ProcessAsync(new ItemDetected(1, _time.GetUtcNow()));

        Assert.Equal(("reject", "low-confidence", "glass"), (outcome.Record.Bin, outcome.Record.Reason, outcome.Record.Label));
        Assert.Null(outcome.Record.UnitPrice);
        Assert.Null(outcome.Record.Value);
        Assert.Equal(0, _gates.InFlight);
    }

    [Fact]
    public async Task ProcessAsync_CameraFault_RejectedWithReason()
    {
        _camera.Faulted = true;

        var outcome = await _pipeline.ProcessAsync(new ItemDetected(1, _time.GetUtcNow()));

        Assert.Equal(("reject", "camera-fault", "none", 0.0), (outcome.Record.Bin, outcome.Record.Reason, outcome.Record.Label, outcome.Record.Confidence));
        Assert.Empty(outcome.Record.Top);
        Assert.Equal(RouteReason.CameraFault, outcome.Decision.Reason);
    }

    [Fact]
    public async Task ProcessAsync_ScaleFault_WeightNullNotZero()
    {
        _scale.Reading = null;

        var outcome = await _pipeline.ProcessAsync(new ItemDetected(1, _time.GetUtcNow()));

        Assert.Null(outcome.Record.WeightKg);
        Assert.Equal(500m, outcome.Record.UnitPrice);
        Assert.Null(outcome.Record.Value);
        Assert.Equal("glass", outcome.Record.Bin);
    }

    [Fact]
    public async Task ProcessAsync_SeveralItems_StatisticsCountLabelsBinsAndRejects()
    {
        await _pipeline.ProcessAsync(new ItemDetected(1, _time.GetUtcNow()));
        _classifier.Next = [new LabelScore("paper", 0.8)];
        _scale.Reading = Mass.FromGrams(60);
        await _pipeline.ProcessAsync(new ItemDetected(2, _time.GetUtcNow()));
        _classifier.Next = [new LabelScore("paper", 0.1)];
        await _pipeline.ProcessAsync(new ItemDetected(3, _time.GetUtcNow()));

        var summary = _statistics.Snapshot();
        Assert.Equal((3L, 1L), (summary.Items, summary.Rejects));
        Assert.Equal(new Dictionary<string, int> { ["glass"] = 1, ["fibre"] = 1, ["reject"] = 1 }, summary.PerBin);
        Assert.Equal(2, summary.PerLabel["paper"].Count);
        Assert.Equal(0.12, summary.PerLabel["paper"].WeightKg, 9);
        Assert.Equal(175m, summary.TotalValue);
    }

    [Fact]
    public async Task SortAsync_SlowCommit_ReturnsBeforeCommitAndCountsItemOnlyAfter()
    {
        _outbox.Disk = new TaskCompletionSource();

        var committed = await _pipeline.SortAsync(new ItemDetected(1, _time.GetUtcNow()));

        Assert.False(committed.IsCompleted);
        Assert.Equal(1, _gates.InFlight); // the gate is already scheduled: the belt does not wait for the disk
        Assert.Equal(0, _statistics.Snapshot().Items);

        _outbox.Disk.SetResult();
        var outcome = await committed;

        Assert.Same(outcome.Record, Assert.Single(_outbox.Records));
        Assert.Equal(1, _statistics.Snapshot().Items);
    }

    [Fact]
    public async Task ProcessAsync_WeightWithFloatNoise_PublishedToTenthOfAGram()
    {
        _scale.Reading = Mass.FromGrams(33.1);

        var outcome = await _pipeline.ProcessAsync(new ItemDetected(1, _time.GetUtcNow()));

        Assert.Equal(0.0331, outcome.Record.WeightKg);
    }

    public async ValueTask DisposeAsync() => await _rig.DisposeAsync();
}
