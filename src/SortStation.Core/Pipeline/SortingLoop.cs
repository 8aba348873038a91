using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SortStation.Core.Devices;
using SortStation.Core.Timing;

namespace SortStation.Core.Pipeline;

/// <summary>
/// The station's main loop: every trigger becomes one pass through <see cref="SortingPipeline"/>.
/// Gates are put in their safe state before the first item and on every way out. While the interlock
/// (e-stop) is active the gates are paused and items are not taken; items seen up to its release are
/// dropped, because the belt stopped under them and their timing no longer holds.
/// Records are committed to the outbox while the next item is classified; at most
/// <see cref="MaxCommitsInFlight"/> wait, so a stalled disk stops the loop (and the watchdog) instead
/// of piling up.
/// </summary>
public sealed class SortingLoop(
    IItemTrigger trigger,
    SortingPipeline pipeline,
    GateScheduler gates,
    SortingRun run,
    ILogger<SortingLoop> log,
    IInterlock? interlock = null) : BackgroundService
{
    public const int MaxCommitsInFlight = 8;

    private readonly IInterlock _interlock = interlock ?? NoInterlock.Instance;
    private readonly Queue<(ItemDetected Item, Task<SortOutcome> Committed)> _commits = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        gates.EnterSafeState();
        _interlock.Changed += OnInterlockChanged;
        gates.Pause(_interlock.IsActive);
        try
        {
            log.LogInformation("Sorting loop started");
            await foreach (var item in trigger.WatchAsync(stoppingToken))
            {
                if (await IsStaleAsync(item, stoppingToken))
                {
                    continue;
                }

                await ProcessOneAsync(item, stoppingToken);
            }

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
            gates.EnterSafeState();
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

    /// <summary>True for an item seen while the interlock was active or at its release; waits for the release first.</summary>
    private async Task<bool> IsStaleAsync(ItemDetected item, CancellationToken ct)
    {
        if (_interlock.IsActive)
        {
            log.LogWarning("Item #{Sequence} dropped: interlock active; waiting for its release", item.Sequence);
            await _interlock.WaitUntilClearAsync(ct);
            return true;
        }

        // An item stamped at the release instant itself was still on the stopped belt.
        if (_interlock.ReleasedAt is { } released && item.At <= released)
        {
            log.LogWarning("Item #{Sequence} dropped: seen before the interlock was released", item.Sequence);
            return true;
        }

        return false;
    }

    private async Task ProcessOneAsync(ItemDetected item, CancellationToken ct)
    {
        try
        {
            _commits.Enqueue((item, await pipeline.SortAsync(item, ct)));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One bad item must not stop the belt; the error is logged with the item's sequence number.
            log.LogError(ex, "Item #{Sequence} failed in the pipeline", item.Sequence);
        }

        await ReapCommitsAsync(keep: MaxCommitsInFlight);
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
