using Microsoft.Extensions.Time.Testing;

namespace SortStation.Central.Tests.Support;

/// <summary>
/// A fake clock that counts the ticks of periodic timers (a <see cref="PeriodicTimer"/> on it). The fake fires
/// timers inside <see cref="FakeTimeProvider.Advance"/>, so right after an Advance the count says whether a
/// schedule came due: no sleep is needed to prove that it did not.
/// </summary>
public sealed class TickCountingTime(DateTimeOffset start) : FakeTimeProvider(start)
{
    private int _periodicTimers;
    private int _periodicTicks;

    /// <summary>Periodic timers created so far (a schedule exists once its timer does).</summary>
    public int PeriodicTimers => Volatile.Read(ref _periodicTimers);

    public int PeriodicTicks => Volatile.Read(ref _periodicTicks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero)
        {
            return base.CreateTimer(callback, state, dueTime, period);
        }

        Interlocked.Increment(ref _periodicTimers);
        return base.CreateTimer(s =>
        {
            Interlocked.Increment(ref _periodicTicks);
            callback(s);
        }, state, dueTime, period);
    }
}
