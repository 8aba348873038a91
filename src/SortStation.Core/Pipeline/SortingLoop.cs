using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SortStation.Core.Alarms;
using SortStation.Core.Classification;
using SortStation.Core.Devices;
using SortStation.Core.Timing;

namespace SortStation.Core.Pipeline;

/// <summary>
/// The station's main loop: every trigger becomes one pass through <see cref="SortingPipeline"/>.
/// Gates are put in their safe state before the first item and on every way out, after the fires of items
/// already recorded (due within <see cref="StopDrainLimit"/>) have happened. While the interlock (e-stop) is active
/// the gates are paused and items are not taken; items seen up to its release are dropped, because the belt stopped
/// under them and their timing no longer holds.
/// Items are started (frame, weight) in trigger order and up to <see cref="ClassificationWorkers.Count"/> classify
/// at once; they are finished (routed, gate scheduled, recorded) in the same order as soon as their classification
/// is done, also while the loop waits for the next trigger. Records are committed to the outbox while the next
/// items classify; at most <see cref="MaxCommitsInFlight"/> wait, so a stalled disk stops the loop (and the
/// watchdog) instead of piling up. During a soft stop (<see cref="StationAlarms"/>: a jam, a backlog, an outbox
/// that cannot commit) items already started are finished and reach their gates, but new items pass unsorted
/// (no gate, no record, counted) until the alarm clears, as do items seen before it cleared.
/// </summary>
public sealed class SortingLoop(
    IItemTrigger trigger,
    SortingPipeline pipeline,
    GateScheduler gates,
    SortingRun run,
    ClassificationWorkers workers,
    ILogger<SortingLoop> log,
    IInterlock? interlock = null,
    StationAlarms? alarms = null,
    BacklogWatch? backlog = null) : BackgroundService
{
    public const int MaxCommitsInFlight = 8;

    /// <summary>
    /// On a stop, how long the loop lets the fires in flight happen before it cancels the rest: their items' records
    /// already name those bins. Below the host's shutdown timeout; the layout rules keep every gate within it.
    /// </summary>
    public static readonly TimeSpan StopDrainLimit = TimeSpan.FromSeconds(12);

    private readonly IInterlock _interlock = interlock ?? NoInterlock.Instance;
    private long _stopLogged = -1;
    private readonly Queue<ItemInFlight> _classifying = new();
    private readonly Queue<(ItemDetected Item, Task<SortOutcome> Committed)> _commits = new();
    private CancellationToken _hostGaveUp;

    /// <summary>Stops taking items; the fires in flight are served until <paramref name="cancellationToken"/> (the host's shutdown timeout).</summary>
    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _hostGaveUp = cancellationToken;
        return base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        gates.EnterSafeState();
        _interlock.Changed += OnInterlockChanged;
        gates.Pause(_interlock.IsActive);
        try
        {
            log.LogInformation("Sorting loop started ({Workers} item(s) classifying at once)", workers.Count);
            await using var items = trigger.WatchAsync(stoppingToken).GetAsyncEnumerator(stoppingToken);
            while (await NextAsync(items, stoppingToken))
            {
                run.Seen();
                if (!await IsStaleAsync(items.Current, stoppingToken) && !PassesUnsorted(items.Current))
                {
                    await StartOneAsync(items.Current, stoppingToken);
                }
            }

            await FinishClassifiedAsync(keep: 0, stoppingToken);
            await ReapCommitsAsync(keep: 0);

            // A finite trigger (demo, replay) ran out: let the items still on the belt reach their gates.
            await gates.WhenIdleAsync(stoppingToken);
            log.LogInformation("Trigger finished; all gates idle");
            run.Complete();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            run.Cancel();
        }
        catch (Exception ex)
        {
            run.Fail(ex);
            throw;
        }
        finally
        {
            _interlock.Changed -= OnInterlockChanged;

            // Items already recorded are on their way to their gates: fire them, then cancel what is left and log it.
            await gates.StopAsync(StopDrainLimit, _hostGaveUp);
        }
    }

    private void OnInterlockChanged(object? sender, InterlockChangedEventArgs e)
    {
        gates.Pause(e.Active);
        if (e.Active)
        {
            log.LogWarning("Interlock active (e-stop): gates in safe state, sorting paused");
        }
        else
        {
            log.LogInformation("Interlock released: sorting resumes");
        }
    }

    /// <summary>The next trigger; items still classifying are finished as they complete meanwhile, as their gates cannot wait for it.</summary>
    private async Task<bool> NextAsync(IAsyncEnumerator<ItemDetected> items, CancellationToken ct)
    {
        var next = items.MoveNextAsync();
        if (!next.IsCompleted)
        {
            backlog?.CaughtUp(); // nothing waiting at the camera line
        }

        if (next.IsCompleted || _classifying.Count == 0)
        {
            return await next;
        }

        var waiting = next.AsTask();
        while (_classifying.Count > 0 && !waiting.IsCompleted)
        {
            await Task.WhenAny(waiting, _classifying.Peek().Classified);
            await FinishClassifiedAsync(keep: int.MaxValue, ct);
        }

        return await waiting;
    }

    /// <summary>True for an item seen while the interlock was active or at its release; waits for the release first.</summary>
    private async Task<bool> IsStaleAsync(ItemDetected item, CancellationToken ct)
    {
        if (_interlock.IsActive)
        {
            log.LogWarning("Item #{Sequence} dropped: interlock active; waiting for its release", item.Sequence);
            run.Unsorted(softStop: false);
            await FinishClassifiedAsync(keep: 0, ct);
            await _interlock.WaitUntilClearAsync(ct);
            return true;
        }

        // An item stamped at the release instant itself was still on the stopped belt.
        if (_interlock.ReleasedAt is { } released && item.At <= released)
        {
            log.LogWarning("Item #{Sequence} dropped: seen before the interlock was released", item.Sequence);
            run.Unsorted(softStop: false);
            return true;
        }

        return false;
    }

    /// <summary>
    /// True for an item taken during a soft stop, or seen before it ended: it passes unsorted to the end of the belt.
    /// Logged once per soft stop (the alarm itself says why); each item is counted.
    /// </summary>
    private bool PassesUnsorted(ItemDetected item)
    {
        if (alarms is null)
        {
            return false;
        }

        // Only an item that would be sorted tells whether the loop keeps up: one seen before the resume is stale anyway.
        var seenBeforeResume = alarms.ResumedAt is { } resumed && item.At <= resumed;
        if (!seenBeforeResume)
        {
            backlog?.Taken(item);
        }

        var snapshot = alarms.Snapshot();
        var stopped = snapshot.Stopped;
        if (!stopped && !seenBeforeResume)
        {
            return false;
        }

        run.Unsorted(softStop: true);
        if (stopped && Interlocked.Exchange(ref _stopLogged, snapshot.Version) != snapshot.Version)
        {
            log.LogWarning("Item #{Sequence} and those after it pass unsorted (no gate, no record) until the soft stop ({Codes}) clears", item.Sequence, string.Join(", ", snapshot.Active.Where(a => a.StopsSorting).Select(a => a.Code)));
        }
        else
        {
            log.LogDebug("Item #{Sequence} passes unsorted: {Why}", item.Sequence, stopped ? "soft stop" : "seen before the soft stop ended");
        }

        return true;
    }

    private async Task StartOneAsync(ItemDetected item, CancellationToken ct)
    {
        try
        {
            _classifying.Enqueue(await pipeline.StartAsync(item, workers, ct));
            run.Classifying(_classifying.Peek().StartedTimestamp);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One bad item must not stop the belt; the error is logged with the item's sequence number.
            log.LogError(ex, "Item #{Sequence} failed in the pipeline", item.Sequence);
        }

        // A worker's slot is free for the next item only once its item is classified (with queue-ahead one more
        // item waits prepared, so a worker never waits for this loop).
        await FinishClassifiedAsync(keep: workers.InFlight - 1, ct);
    }

    /// <summary>Finishes classified items in order, and waits for the oldest while more than <paramref name="keep"/> are classifying.</summary>
    private async Task FinishClassifiedAsync(int keep, CancellationToken ct)
    {
        while (_classifying.Count > keep || (_classifying.Count > 0 && _classifying.Peek().Classified.IsCompleted))
        {
            var started = _classifying.Dequeue();
            try
            {
                var classification = started.Classification is { } running ? await running : null;
                _commits.Enqueue((started.Item, pipeline.Finish(started, classification, ct)));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Item #{Sequence} failed in the pipeline", started.Item.Sequence);
            }

            // The watchdog saw this item as the oldest until now; a worker stuck in the model shows even on an idle belt.
            run.Classifying(_classifying.TryPeek(out var next) ? next.StartedTimestamp : null);
            await ReapCommitsAsync(keep: MaxCommitsInFlight);
        }
    }

    /// <summary>Finishes committed items, and waits for the oldest while more than <paramref name="keep"/> are pending.</summary>
    private async Task ReapCommitsAsync(int keep)
    {
        while (_commits.Count > keep || (_commits.Count > 0 && _commits.Peek().Committed.IsCompleted))
        {
            var (item, committed) = _commits.Dequeue();
            try
            {
                await committed;
                run.Heartbeat();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Item #{Sequence}: its record could not be committed to the outbox", item.Sequence);
            }
        }
    }
}
