using SortStation.Core.Devices;

namespace SortStation.Core.Tests.Support;

/// <summary>An e-stop the test trips and releases by hand.</summary>
public sealed class ManualInterlock(TimeProvider time) : IInterlock
{
    private TaskCompletionSource _clear = NewClear(completed: true);

    public event EventHandler<InterlockChangedEventArgs>? Changed;

    public bool IsActive { get; private set; }

    public DateTimeOffset? ReleasedAt { get; private set; }

    public void Trip()
    {
        _clear = NewClear(completed: false);
        IsActive = true;
        Changed?.Invoke(this, new InterlockChangedEventArgs(true, time.GetUtcNow()));
    }

    public void Release()
    {
        IsActive = false;
        ReleasedAt = time.GetUtcNow();
        Changed?.Invoke(this, new InterlockChangedEventArgs(false, ReleasedAt.Value));
        _clear.TrySetResult();
    }

    public Task WaitUntilClearAsync(CancellationToken ct = default) => _clear.Task.WaitAsync(ct);

    private static TaskCompletionSource NewClear(bool completed)
    {
        var clear = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            clear.SetResult();
        }

        return clear;
    }
}
