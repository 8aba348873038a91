using System.Runtime.CompilerServices;
using SortStation.Core.Devices;
using SortStation.Core.Pipeline;

namespace SortStation.Hosting;

/// <summary>
/// Wraps the configured trigger so <see cref="SortingRun"/> knows when an item is inside the loop: from the
/// moment the trigger hands it over until the loop asks for the next one. The watchdog tells a stuck
/// pipeline (an item in progress for too long) from an idle belt (waiting on the trigger) by it.
/// </summary>
internal sealed class TrackedTrigger(IItemTrigger inner, SortingRun run) : IItemTrigger, IAsyncDisposable
{
    public async IAsyncEnumerable<ItemDetected> WatchAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        try
        {
            await foreach (var item in inner.WatchAsync(ct))
            {
                run.ItemStarted();
                yield return item;
                run.ItemFinished();
            }
        }
        finally
        {
            run.ItemFinished();
        }
    }

    // The inner trigger came from a factory this wrapper replaced, so the container no longer disposes it.
    public async ValueTask DisposeAsync()
    {
        switch (inner)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
