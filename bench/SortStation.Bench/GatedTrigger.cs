using System.Runtime.CompilerServices;
using SortStation.Core.Devices;

namespace SortStation.Bench;

/// <summary>
/// Items as fast as the sorting loop takes them while open; while closed the loop waits for the trigger as on an
/// idle belt (and the raw baselines have the cores to themselves).
/// </summary>
internal sealed class GatedTrigger : IItemTrigger
{
    private TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _sequence;

    /// <summary>Items handed to the loop so far.</summary>
    public long Items => Interlocked.Read(ref _sequence);

    public void Open() => Volatile.Read(ref _open).TrySetResult();

    public void Close()
    {
        if (Volatile.Read(ref _open).Task.IsCompleted)
        {
            Volatile.Write(ref _open, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
    }

    public async IAsyncEnumerable<ItemDetected> WatchAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        while (true)
        {
            var open = Volatile.Read(ref _open).Task;
            if (!open.IsCompleted)
            {
                await open.WaitAsync(ct);
            }

            yield return new ItemDetected(Interlocked.Increment(ref _sequence), DateTimeOffset.UtcNow);
        }
    }
}
