using SortStation.Core.Devices;

namespace SortStation.Simulation;

/// <summary>An e-stop a test or the demo can press and release.</summary>
public sealed class SimulatedInterlock(TimeProvider time) : IInterlock
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _clear = NewClear(completed: true);

    public bool IsActive { get; private set; }

    public DateTimeOffset? ReleasedAt { get; private set; }

    public event EventHandler<InterlockChangedEventArgs>? Changed;

    public Task WaitUntilClearAsync(CancellationToken ct = default)
    {
        lock (_gate)
        {
            return _clear.Task.WaitAsync(ct);
        }
    }

    public void Trip()
    {
        lock (_gate)
        {
            if (IsActive)
            {
                return;
            }

            IsActive = true;
            _clear = NewClear(completed: false);
        }

        Changed?.Invoke(this, new InterlockChangedEventArgs(true, time.GetUtcNow()));
    }

    public void Release()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!IsActive)
            {
                return;
            }

            IsActive = false;
            ReleasedAt = now;
            _clear.TrySetResult();
        }

        Changed?.Invoke(this, new InterlockChangedEventArgs(false, now));
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
