using Microsoft.Extensions.Logging.Abstractions;
using SortStation.Core.Classification;
using SortStation.Core.Devices;
using SortStation.Core.Pipeline;
using SortStation.Core.Tests.Support;
using SortStation.Simulation;

namespace SortStation.Core.Tests.Pipeline;

/// <summary>The loop with two classification workers: items start in trigger order, classify two at once, finish in order.</summary>
public sealed class SortingLoopTests : IAsyncDisposable
{
    private readonly GatedClassifier _classifier = new();
    private readonly PipelineRig _rig;
    private readonly FakeTrigger _trigger = new();
    private readonly SortingRun _run;
    private readonly SimulatedInterlock _estop;
    private ClassificationWorkers _workers = new(2);
    private SortingLoop _loop;

    public SortingLoopTests()
    {
        _rig = new PipelineRig(_classifier);
        _run = new SortingRun(_rig.Time);
        _estop = new SimulatedInterlock(_rig.Time);
        _loop = new SortingLoop(_trigger, _rig.Pipeline, _rig.Gates, _run, _workers, NullLogger<SortingLoop>.Instance, _estop);
    }

    [Fact]
    public async Task ExecuteAsync_TwoWorkers_TwoItemsClassifyAtOnce()
    {
        await StartWithTwoClassifyingAsync();

        Release(1, 2);
        Assert.Equal(["glass", "paper"], await LabelsWhenDoneAsync());
    }

    [Fact]
    public async Task ExecuteAsync_SecondItemClassifiedFirst_RecordedInTriggerOrder()
    {
        await StartWithTwoClassifyingAsync();

        _classifier.Release(2);
        await Eventually.TrueAsync(() => _classifier.Ran == 1, "item 2 classified");
        await Task.Delay(50); // time for a loop that finished items as they complete to record item 2 first
        Assert.Empty(_rig.Outbox.Records);

        _classifier.Release(1);
        Assert.Equal(["glass", "paper"], await LabelsWhenDoneAsync());
    }

    [Fact]
    public async Task ExecuteAsync_ClassifiedWhileNoItemFollows_RecordedAtOnce()
    {
        await _loop.StartAsync(CancellationToken.None);
        Send(1);
        await Eventually.TrueAsync(() => _classifier.Running == 1, "item classifying");

        _classifier.Release(1);

        // Its gate cannot wait for a next item that may never come.
        await Eventually.TrueAsync(() => _rig.Outbox.Records.Count == 1, "item 1 recorded with no item after it");
        Assert.Equal(1, _rig.Gates.InFlight);
        Assert.Equal(["glass"], await LabelsWhenDoneAsync());
    }

    [Fact]
    public async Task ExecuteAsync_ModelSwappedWhileAnItemClassifies_RecordNamesTheModelThatRanIt()
    {
        await _loop.StartAsync(CancellationToken.None);
        Send(1);
        await Eventually.TrueAsync(() => _classifier.Running == 1, "item 1 classifying on model 1");

        _classifier.Model = _classifier.Model with { Version = "2" };
        Send(2);
        await Eventually.TrueAsync(() => _classifier.Prepared == 2, "item 2 prepared on model 2");
        Release(1, 2);

        await LabelsWhenDoneAsync();
        Assert.Equal(["gated@1", "gated@2"], _rig.Outbox.Records.Select(r => r.Model));
    }

    [Fact]
    public async Task ExecuteAsync_BothWorkersBusy_ThirdItemWaitsForOne()
    {
        await _loop.StartAsync(CancellationToken.None);
        Send(1);
        Send(2);
        Send(3);
        await Eventually.TrueAsync(() => _classifier.Running == 2, "two items classifying");
        await Task.Delay(50); // time for a loop without a limit to start the third
        Assert.Equal(2, _classifier.Prepared);

        _classifier.Release(1);
        await Eventually.TrueAsync(() => _classifier.Prepared == 3 && _classifier.Running == 2, "item 3 classifying beside item 2");

        Release(2, 3);
        Assert.Equal(["glass", "paper", "glass"], await LabelsWhenDoneAsync());
        Assert.Equal(2, _classifier.MaxRunning);
    }

    [Fact]
    public async Task ExecuteAsync_QueueAheadBothWorkersBusy_ThirdItemPreparedAndQueuedFourthWaits()
    {
        UseWorkers(new ClassificationWorkers(2, queueAhead: true));
        await _loop.StartAsync(CancellationToken.None);
        Send(1);
        Send(2);
        Send(3);
        Send(4);

        // Item 3 waits prepared, so the worker that finishes item 1 takes it without waiting for the loop.
        await Eventually.TrueAsync(() => _classifier.Running == 2 && _classifier.Prepared == 3, "two classifying, a third prepared");
        await Task.Delay(50); // time for a loop without a limit to prepare the fourth
        Assert.Equal(3, _classifier.Prepared);

        _classifier.Release(1);
        await Eventually.TrueAsync(() => _classifier.Prepared == 4 && _classifier.Running == 2, "item 3 classifying beside item 2, item 4 queued");

        Release(2, 3, 4);
        Assert.Equal(["glass", "paper", "glass", "paper"], await LabelsWhenDoneAsync());
        Assert.Equal(2, _classifier.MaxRunning);
    }

    [Fact]
    public async Task ExecuteAsync_ClassificationFails_ItemSkippedAndLoopGoesOn()
    {
        await StartWithTwoClassifyingAsync();

        _classifier.Fail(1);
        _classifier.Release(2);

        Assert.Equal(["paper"], await LabelsWhenDoneAsync());
        Assert.True(_run.Completed.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task ExecuteAsync_EStopWhileAnItemClassifies_ItIsRecordedWhileTheLoopWaitsForRelease()
    {
        await StartWithTwoClassifyingAsync();
        _estop.Trip();
        Send(3); // taken once item 1 frees a worker, and dropped: the loop then waits for the release
        _classifier.Release(1);
        await Eventually.TrueAsync(() => _trigger.Taken == 3, "item 3 taken while item 2 classifies");

        _classifier.Release(2);

        // Item 2 was on the belt before the stop: recorded (its gate stays paused) without waiting for the release.
        await Eventually.TrueAsync(() => _rig.Outbox.Records.Count == 2, "item 2 recorded during the e-stop");
        Assert.True(_rig.Gates.IsPaused);
        _rig.Time.Advance(TimeSpan.FromSeconds(1));
        _estop.Release();
        Assert.Equal(["glass", "paper"], await LabelsWhenDoneAsync());
        Assert.Equal(2, _classifier.Prepared); // item 3 never reached the camera
    }

    [Fact]
    public async Task ExecuteAsync_ItemClassifyingWhileTriggerIdle_WatchdogSeesItInProgress()
    {
        await _loop.StartAsync(CancellationToken.None);
        Send(1);
        await Eventually.TrueAsync(() => _classifier.Running == 1, "item classifying");

        _rig.Time.Advance(TimeSpan.FromSeconds(30)); // a worker stuck in the model, no item behind it

        Assert.Equal(TimeSpan.FromSeconds(30), _run.ItemInProgressFor);
        _classifier.Release(1);
        await Eventually.TrueAsync(() => _run.ItemInProgressFor is null, "nothing in progress once item 1 is finished");
        Assert.Single(_rig.Outbox.Records);
    }

    [Fact]
    public async Task StopAsync_ItemRecordedAndStillOnTheBelt_ItsGateFiresBeforeTheLoopEnds()
    {
        await _loop.StartAsync(CancellationToken.None);
        Send(1);
        _classifier.Release(1);
        await Eventually.TrueAsync(() => _rig.Outbox.Records.Count == 1, "item 1 recorded as glass");

        // SIGTERM: its record says glass, so the glass gate must still fire when it arrives (1.6 s after the camera).
        var stop = _loop.StopAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => stop.IsCompleted, "loop stopped", _rig.Time);

        Assert.Single(_rig.Glass.Fired);
        Assert.Equal(0, _rig.Gates.InFlight);
    }

    public async ValueTask DisposeAsync()
    {
        Release(1, 2, 3);

        // A cancelled token: the host gives up at once, so fires still in flight on the unmoving test clock are cancelled.
        await _loop.StopAsync(new CancellationToken(canceled: true));
        await (_loop.ExecuteTask ?? Task.CompletedTask).ContinueWith(_ => { }, TaskScheduler.Default);
        _loop.Dispose();
        _workers.Dispose();
        await _rig.DisposeAsync();
    }

    private void UseWorkers(ClassificationWorkers workers)
    {
        _loop.Dispose();
        _workers.Dispose();
        _workers = workers;
        _loop = new SortingLoop(_trigger, _rig.Pipeline, _rig.Gates, _run, _workers, NullLogger<SortingLoop>.Instance, _estop);
    }

    /// <summary>Starts the loop and sends items 1 and 2; returns once both classify (with one worker they never would).</summary>
    private async Task StartWithTwoClassifyingAsync()
    {
        await _loop.StartAsync(CancellationToken.None);
        Send(1);
        Send(2);
        await Eventually.TrueAsync(() => _classifier.Running == 2, "both items classifying");
    }

    private void Send(long sequence) => _trigger.Send(new ItemDetected(sequence, _rig.Time.GetUtcNow()));

    private void Release(params int[] frames) => Array.ForEach(frames, _classifier.Release);

    /// <summary>Ends the trigger, lets the belt run until every gate has fired, and returns the recorded labels in order.</summary>
    private async Task<string[]> LabelsWhenDoneAsync()
    {
        _trigger.Finish();
        await Eventually.TrueAsync(() => _run.Completed.IsCompleted, "loop finished", _rig.Time);
        await _run.Completed;
        return [.. _rig.Outbox.Records.Select(r => r.Label)];
    }
}
