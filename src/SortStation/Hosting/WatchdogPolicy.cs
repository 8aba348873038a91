using System.Globalization;
using SortStation.Core.Devices;
using SortStation.Core.Pipeline;

namespace SortStation.Hosting;

/// <summary>
/// When the sorting loop counts as alive. An idle belt (the loop waits on the trigger) is alive however
/// long it lasts, and so is a loop paused by the e-stop; an item inside the pipeline for longer than the
/// stall limit (a hung camera, scale or model) is not, nor is a loop that stopped with an error.
/// </summary>
internal static class WatchdogPolicy
{
    public static WatchdogVerdict Judge(SortingRun run, IInterlock interlock, TimeSpan stallLimit)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(interlock);
        if (run.Completed.IsFaulted)
        {
            return new(false, $"the sorting loop stopped with an error: {run.Completed.Exception?.InnerException?.Message}");
        }

        if (interlock.IsActive)
        {
            return new(true, "paused: interlock (e-stop) active");
        }

        if (run.ItemInProgressFor is { } busy)
        {
            return busy > stallLimit
                ? new(false, string.Create(CultureInfo.InvariantCulture, $"an item has been in the pipeline for {busy.TotalSeconds:F1} s (limit Health:ItemStallSeconds = {stallLimit.TotalSeconds:F0} s)"))
                : new(true, "sorting an item");
        }

        return run.Completed.IsCompletedSuccessfully
            ? new(true, "the trigger has finished (finite run)")
            : new(true, "waiting for the next item");
    }
}
