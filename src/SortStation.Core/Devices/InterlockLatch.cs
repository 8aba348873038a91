namespace SortStation.Core.Devices;

/// <summary>
/// The state an <see cref="IInterlock"/> keeps, whatever drives it (the GPIO loop, the simulator): active or
/// clear (clear when made), when it was last released, and the task <see cref="WaitUntilClearAsync"/> hands out. <see cref="Trip"/>
/// and <see cref="Release"/> say whether they changed anything, so the owner raises its event only then.
/// </summary>
public sealed class InterlockLatch
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _clear = NewClear(completed: true);

    public bool IsActive { get; private set; }

    public DateTimeOffset? ReleasedAt { get; private set; }

    public Task WaitUntilClearAsync(CancellationToken ct = default)
    {
        lock (_gate)
        {
            return _clear.Task.WaitAsync(ct);
        }
    }

    /// <returns>True when this call tripped it; false when it was already active.</returns>
    public bool Trip()
    {
        lock (_gate)
        {
            if (IsActive)
            {
                return false;
            }

            IsActive = true;
            _clear = NewClear(completed: false);
            return true;
        }
    }

    /// <returns>True when this call released it; false when it was already clear.</returns>
    public bool Release(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!IsActive)
            {
                return false;
            }

            IsActive = false;
            ReleasedAt = now;
            _clear.TrySetResult();
            return true;
        }
    }

    private static TaskCompletionSource NewClear(bool completed)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            tcs.TrySetResult();
        }

        return tcs;
    }
}
