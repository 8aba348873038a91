namespace SortStation.Core.Pipeline;

/// <summary>
/// The loop's life as others see it: when it last finished an item (for the watchdog) and when a
/// finite run (demo) has completed.
/// </summary>
public sealed class SortingRun(TimeProvider time)
{
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastItemTimestamp = time.GetTimestamp();

    /// <summary>Completes when a finite trigger has run out and the gates are idle.</summary>
    public Task Completed => _completed.Task;

    public TimeSpan SinceLastItem => time.GetElapsedTime(Interlocked.Read(ref _lastItemTimestamp));

    public void Heartbeat() => Interlocked.Exchange(ref _lastItemTimestamp, time.GetTimestamp());

    public void Complete() => _completed.TrySetResult();

    public void Cancel() => _completed.TrySetCanceled();

    public void Fail(Exception ex) => _completed.TrySetException(ex);
}
