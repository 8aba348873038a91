using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SortStation.Core.Devices;
using SortStation.Core.Timing;

namespace SortStation.Core.Pipeline;

/// <summary>
/// The station's main loop: every trigger becomes one pass through <see cref="SortingPipeline"/>.
/// Gates are put in their safe state before the first item and on every way out.
/// </summary>
public sealed class SortingLoop(
    IItemTrigger trigger,
    SortingPipeline pipeline,
    GateScheduler gates,
    SortingRun run,
    ILogger<SortingLoop> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        gates.EnterSafeState();
        try
        {
            log.LogInformation("Sorting loop started");
            await foreach (var item in trigger.WatchAsync(stoppingToken))
            {
                await ProcessOneAsync(item, stoppingToken);
            }

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
            gates.EnterSafeState();
        }
    }

    private async Task ProcessOneAsync(ItemDetected item, CancellationToken ct)
    {
        try
        {
            await pipeline.ProcessAsync(item, ct);
            run.Heartbeat();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One bad item must not stop the belt; the error is logged with the item's sequence number.
            log.LogError(ex, "Item #{Sequence} failed in the pipeline", item.Sequence);
        }
    }
}
