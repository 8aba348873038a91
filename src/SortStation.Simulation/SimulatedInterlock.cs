using SortStation.Core.Devices;

namespace SortStation.Simulation;

/// <summary>An e-stop a test or the demo can press and release.</summary>
public sealed class SimulatedInterlock(TimeProvider time) : IInterlock
{
    private readonly InterlockLatch _latch = new();

    public bool IsActive => _latch.IsActive;

    public DateTimeOffset? ReleasedAt => _latch.ReleasedAt;

    public event EventHandler<InterlockChangedEventArgs>? Changed;

    public Task WaitUntilClearAsync(CancellationToken ct = default) => _latch.WaitUntilClearAsync(ct);

    public void Trip()
    {
        if (_latch.Trip())
        {
            Changed?.Invoke(this, new InterlockChangedEventArgs(true, time.GetUtcNow()));
        }
    }

    public void Release()
    {
        var now = time.GetUtcNow();
        if (_latch.Release(now))
        {
            Changed?.Invoke(this, new InterlockChangedEventArgs(false, now));
        }
    }
}
