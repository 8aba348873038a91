using Microsoft.Extensions.Logging.Abstractions;
using SortStation.Core.Alarms;
using SortStation.Core.Classification;
using SortStation.Core.Devices;
using SortStation.Core.Pipeline;
using SortStation.Core.Tests.Support;

namespace SortStation.Core.Tests.Pipeline;

/// <summary>The loop under a soft stop (<see cref="StationAlarms"/>): new items pass unsorted, items already started finish.</summary>
public sealed class SoftStopLoopTests : IAsyncDisposable
{
    private readonly GatedClassifier _classifier = new();
    private readonly PipelineRig _rig;
    private readonly FakeTrigger _trigger = new();
    private readonly ClassificationWorkers _workers = new(2);
    private readonly SortingRun _run;
    private readonly SortingLoop _loop;

    public SoftStopLoopTests()
    {
        _rig = new PipelineRig(_classifier);
        _run = new SortingRun(_rig.Time);
        _loop = new SortingLoop(_trigger, _rig.Pipeline, _rig.Gates, _run, _workers, NullLogger<SortingLoop>.Instance, null, _rig.Alarms, _rig.Backlog);
    }

    [Fact]
    public async Task ExecuteAsync_SoftStopped_ItemsPassUnsortedCountedAndNeverRecorded()
    {
        await _loop.StartAsync(CancellationToken.None);
        _rig.Alarms.Raise(AlarmCodes.Jam, "photo-eye blocked");

        Send(1);
        Send(2);

        await Eventually.TrueAsync(() => _run.UnsortedAtSoftStop == 2, "both items passed unsorted");
        Assert.Equal(0, _classifier.Prepared);
        Assert.Empty(_rig.Outbox.Records);
        Assert.Equal(0, _rig.Gates.InFlight);
    }

    [Fact]
    public async Task ExecuteAsync_AlarmCleared_SortsAgainButNotWhatWasSeenBeforeTheResume()
    {
        await _loop.StartAsync(CancellationToken.None);
        _rig.Alarms.Raise(AlarmCodes.Jam, "photo-eye blocked");
        var seenDuringTheStop = _rig.Time.GetUtcNow();
        _rig.Time.Advance(TimeSpan.FromSeconds(5));
        _rig.Alarms.Clear(AlarmCodes.Jam, "beam clear");

        _trigger.Send(new ItemDetected(1, seenDuringTheStop)); // taken only now
        _rig.Time.Advance(TimeSpan.FromMilliseconds(10));
        Send(2);
        _classifier.Release(1);

        Assert.Equal(["glass"], await LabelsWhenDoneAsync());
        Assert.Equal(1, _run.UnsortedAtSoftStop);
    }

    [Fact]
    public async Task ExecuteAsync_StoppedWhileAnItemClassifies_ThatItemIsStillRecordedAndDiverted()
    {
        await _loop.StartAsync(CancellationToken.None);
        Send(1);
        await Eventually.TrueAsync(() => _classifier.Running == 1, "item 1 classifying");

        _rig.Alarms.Raise(AlarmCodes.OutboxWriteFailed, "disk full");
        Send(2);
        await Eventually.TrueAsync(() => _run.UnsortedAtSoftStop == 1, "item 2 passed unsorted");
        _classifier.Release(1);

        // Its record promises the glass gate, and the belt still carries it there.
        await Eventually.TrueAsync(() => _rig.Outbox.Records.Count == 1, "item 1 recorded during the stop");
        Assert.Equal(1, _rig.Gates.InFlight);
        Assert.Equal(["glass"], await LabelsWhenDoneAsync());
        Assert.Single(_rig.Glass.Fired);
    }

    [Fact]
    public async Task ExecuteAsync_ItemTakenLaterThanTheFirstGate_BacklogStopsThenClearsOnceCaughtUp()
    {
        await _loop.StartAsync(CancellationToken.None);

        _trigger.Send(new ItemDetected(1, _rig.Time.GetUtcNow() - TimeSpan.FromSeconds(2)));

        await Eventually.TrueAsync(() => _run.UnsortedAtSoftStop == 1, "the late item passed unsorted");
        Assert.Equal(1, _rig.Alarms.RaisedCount(AlarmCodes.Backlog));

        // Nothing else waits at the camera line: the loop has caught up and the next item is sorted.
        await Eventually.TrueAsync(() => !_rig.Alarms.IsStopped, "backlog cleared");
        _rig.Time.Advance(TimeSpan.FromMilliseconds(10));
        Send(2);
        _classifier.Release(1);
        Assert.Equal(["glass"], await LabelsWhenDoneAsync());
    }

    public async ValueTask DisposeAsync()
    {
        Array.ForEach([1, 2, 3], _classifier.Release);
        await _loop.StopAsync(CancellationToken.None);
        _loop.Dispose();
        _workers.Dispose();
        await _rig.DisposeAsync();
    }

    private void Send(long sequence) => _trigger.Send(new ItemDetected(sequence, _rig.Time.GetUtcNow()));

    private async Task<string[]> LabelsWhenDoneAsync()
    {
        _trigger.Finish();
        await Eventually.TrueAsync(() => _run.Completed.IsCompleted, "loop finished", _rig.Time);
        await _run.Completed;
        return [.. _rig.Outbox.Records.Select(r => r.Label)];
    }
}
