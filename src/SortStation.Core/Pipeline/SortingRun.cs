namespace SortStation.Core.Pipeline;

/// <summary>
/// The loop's life as others see it: when it last finished an item, whether an item is in progress and
/// since when (for the watchdog: an idle belt is fine, a pipeline stuck inside an item is not), and
/// when a finite run (demo) has completed.
/// </summary>
public sealed class SortingRun(TimeProvider time)
{
    private const long Idle = -1;

    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastItemTimestamp = time.GetTimestamp();
    private long _itemStartedTimestamp = Idle;
    private long _oldestClassifyingTimestamp = Idle;
    private long _itemsStarted;
    private long _lastSeenTimestamp = time.GetTimestamp();
    private long _unsortedAtEStop;
    private long _unsortedAtSoftStop;

    /// <summary>Completes when a finite trigger has run out and the gates are idle.</summary>
    public Task Completed => _completed.Task;

    public TimeSpan SinceLastItem => time.GetElapsedTime(Interlocked.Read(ref _lastItemTimestamp));

    /// <summary>
    /// How long the oldest item in the pipeline has been there: the one the loop is handling, or one still
    /// classifying on a worker while the loop waits for the trigger; null when there is neither.
    /// </summary>
    public TimeSpan? ItemInProgressFor
    {
        get
        {
            var handling = Interlocked.Read(ref _itemStartedTimestamp);
            var classifying = Interlocked.Read(ref _oldestClassifyingTimestamp);
            var started = handling == Idle ? classifying : classifying == Idle ? handling : Math.Min(handling, classifying);
            return started == Idle ? null : time.GetElapsedTime(started);
        }
    }

    /// <summary>How long since the loop last took an item from the trigger (sorted or not), or since start.</summary>
    public TimeSpan SinceLastSeen => time.GetElapsedTime(Interlocked.Read(ref _lastSeenTimestamp));

    /// <summary>Items that passed unsorted (no gate, no record) because the e-stop was active.</summary>
    public long UnsortedAtEStop => Interlocked.Read(ref _unsortedAtEStop);

    /// <summary>Items that passed unsorted (no gate, no record) during a soft stop.</summary>
    public long UnsortedAtSoftStop => Interlocked.Read(ref _unsortedAtSoftStop);

    /// <summary>Items handed to the loop so far.</summary>
    public long ItemsStarted => Interlocked.Read(ref _itemsStarted);

    /// <summary>The trigger handed an item to the loop.</summary>
    public void ItemStarted()
    {
        Interlocked.Increment(ref _itemsStarted);
        Interlocked.Exchange(ref _itemStartedTimestamp, time.GetTimestamp());
    }

    /// <summary>The loop is done with the item (sorted, dropped or failed) and waits for the next one.</summary>
    public void ItemFinished() => Interlocked.Exchange(ref _itemStartedTimestamp, Idle);

    /// <summary>The oldest item still classifying started at this timestamp (<see cref="TimeProvider.GetTimestamp"/>); null: none is.</summary>
    public void Classifying(long? oldestStartedTimestamp) => Interlocked.Exchange(ref _oldestClassifyingTimestamp, oldestStartedTimestamp ?? Idle);

    /// <summary>The loop took an item from the trigger.</summary>
    public void Seen() => Interlocked.Exchange(ref _lastSeenTimestamp, time.GetTimestamp());

    /// <summary>The loop let an item pass unsorted: the e-stop (<paramref name="softStop"/> false) or a soft stop.</summary>
    public void Unsorted(bool softStop) => Interlocked.Increment(ref softStop ? ref _unsortedAtSoftStop : ref _unsortedAtEStop);

    public void Heartbeat() => Interlocked.Exchange(ref _lastItemTimestamp, time.GetTimestamp());

    public void Complete() => _completed.TrySetResult();

    public void Cancel() => _completed.TrySetCanceled();

    public void Fail(Exception ex) => _completed.TrySetException(ex);
}
