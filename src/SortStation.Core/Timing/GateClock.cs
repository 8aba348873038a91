namespace SortStation.Core.Timing;

/// <summary>
/// The scheduler's own timing thread on the system clock. Thread-pool timers land a millisecond or more
/// late (and later still when the pool is busy); this thread sleeps until just before the earliest due
/// fire, spins the last stretch and starts the diversion itself, so a gate switches within microseconds
/// of its due time when the CPU is not overloaded.
/// </summary>
internal sealed class GateClock : IDisposable
{
    private readonly PriorityQueue<ScheduledFire, DateTimeOffset> _queue = new();
    private readonly AutoResetEvent _wake = new(false);
    private readonly TimeProvider _time;
    private readonly TimeSpan _spin;
    private readonly Action<ScheduledFire> _fire;
    private readonly Thread _thread;
    private volatile bool _stop;

    public GateClock(TimeProvider time, TimeSpan spin, Action<ScheduledFire> fire)
    {
        (_time, _spin, _fire) = (time, spin, fire);
        _thread = new Thread(Run) { IsBackground = true, Name = "gate-clock", Priority = ThreadPriority.Highest };
        _thread.Start();
    }

    public void Add(ScheduledFire fire)
    {
        lock (_queue)
        {
            _queue.Enqueue(fire, fire.FireAt);
        }

        _wake.Set();
    }

    public void Dispose()
    {
        _stop = true;
        _wake.Set();
        _thread.Join(TimeSpan.FromSeconds(1));
        _wake.Dispose();
    }

    private void Run()
    {
        while (!_stop)
        {
            ScheduledFire? next;
            lock (_queue)
            {
                _queue.TryPeek(out next, out _);
            }

            if (next is null)
            {
                _wake.WaitOne();
                continue;
            }

            var remaining = next.FireAt - _time.GetUtcNow();
            if (remaining > _spin)
            {
                _wake.WaitOne(remaining - _spin); // woken early by an earlier item, or at the spin window
                continue;
            }

            if (remaining > TimeSpan.Zero)
            {
                Thread.SpinWait(20);
                continue;
            }

            lock (_queue)
            {
                // An earlier item may have been added meanwhile: fire whatever is due at the head.
                next = _queue.Dequeue();
            }

            _fire(next);
        }
    }
}
