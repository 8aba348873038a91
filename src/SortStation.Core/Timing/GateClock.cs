namespace SortStation.Core.Timing;

/// <summary>
/// The scheduler's own timing thread on the system clock. Thread-pool timers land a millisecond or more
/// late (and later still when the pool is busy); this thread waits until just before the earliest due
/// fire, sleeps to within <see cref="FinalSpin"/> of it with nanosleep, spins the last stretch and starts
/// the diversion itself, so a gate switches within microseconds of its due time when the CPU is not
/// overloaded, at the cost of well under a millisecond of CPU per fire.
/// </summary>
internal sealed class GateClock : IDisposable
{
    private static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan OneMillisecond = TimeSpan.FromMilliseconds(1);

    /// <summary>Busy-wait before a fire: covers nanosleep's wake-up latency (tens of µs under SCHED_FIFO).</summary>
    internal static readonly TimeSpan FinalSpin = TimeSpan.FromMicroseconds(150);

    // Ordered by monotonic timestamp: a wall-clock step (NTP) must not make the thread sleep or spin for hours.
    private readonly PriorityQueue<ScheduledFire, long> _queue = new();
    private readonly AutoResetEvent _wake = new(false);
    private readonly TimeProvider _time;
    private readonly TimeSpan _spin;
    private readonly Action<ScheduledFire> _fire;
    private readonly Action<bool> _started;
    private readonly Thread _thread;
    private volatile bool _stop;

    public GateClock(TimeProvider time, TimeSpan spin, Action<ScheduledFire> fire, Action<bool> started)
    {
        (_time, _spin, _fire, _started) = (time, spin, fire, started);
        _thread = new Thread(Run) { IsBackground = true, Name = "gate-clock", Priority = ThreadPriority.Highest };
        _thread.Start();
    }

    public void Add(ScheduledFire fire)
    {
        // Wall clock read first, monotonic second: any gap between the two reads makes the fire later, never earlier.
        var untilDue = fire.StartAt - _time.GetUtcNow();
        var due = _time.GetTimestamp() + (long)Math.Ceiling(untilDue.TotalSeconds * _time.TimestampFrequency);
        bool head;
        lock (_queue)
        {
            _queue.Enqueue(fire, due);
            head = ReferenceEquals(_queue.Peek(), fire);
        }

        // Only a new earliest fire changes what the thread waits for; waking it for every item (they are
        // mostly due after the ones already queued) cost a thread wake-up per item.
        if (head)
        {
            _wake.Set();
        }
    }

    public void Dispose()
    {
        _stop = true;
        _wake.Set();
        _thread.Join(TimeSpan.FromSeconds(1));
        _wake.Dispose();
    }

    /// <summary>SCHED_FIFO priority asked for the clock thread (below the kernel's own IRQ threads at 50).</summary>
    public const int RealtimePriorityLevel = 40;

    /// <summary>True when the clock thread runs under SCHED_FIFO.</summary>
    public bool Realtime { get; private set; }

    private void Run()
    {
        Realtime = RealtimePriority.TryEnter(RealtimePriorityLevel);
        _started(Realtime);
        while (!_stop)
        {
            ScheduledFire? next;
            long due;
            lock (_queue)
            {
                _queue.TryPeek(out next, out due);
            }

            if (next is null)
            {
                _wake.WaitOne();
                continue;
            }

            var remaining = TimeSpan.FromSeconds((double)(due - _time.GetTimestamp()) / _time.TimestampFrequency);
            var sleep = remaining - _spin;
            if (sleep >= OneMillisecond)
            {
                // Woken early by an earlier item, or at the spin window. WaitOne counts whole milliseconds and
                // truncates: under 1 ms it returns at once, which made this loop spin up to a millisecond per fire.
                _wake.WaitOne(sleep < MaxSleep ? sleep : MaxSleep);
                continue;
            }

            // One sleep to the spin window (every wake-up costs CPU the model needs); a late item added
            // meanwhile (due at once, which only a mis-set belt distance causes) waits at most the wake-early
            // time plus 1 ms.
            if (remaining > FinalSpin && PreciseSleep.TrySleep(remaining - FinalSpin))
            {
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

            try
            {
                _fire(next);
            }
#pragma warning disable CA1031 // The clock thread serves every gate: one failing start must not end it.
            catch (Exception)
#pragma warning restore CA1031
            {
                // FireAsync logs its own failures; nothing else can be done here.
            }
        }
    }
}
