using Microsoft.Extensions.Time.Testing;

namespace SortStation.Central.Tests.Support;

/// <summary>
/// A fake clock that counts the timers of one period (the schedule's <see cref="PeriodicTimer"/>) and their
/// ticks. The fake fires timers inside <see cref="FakeTimeProvider.Advance"/>, so right after an Advance the count
/// says whether the schedule came due: no sleep is needed to prove that it did not.
/// </summary>
public sealed class TickCountingTime(DateTimeOffset start, TimeSpan schedule) : FakeTimeProvider(start)
{
    private int _timers;
    private int _ticks;

    /// <summary>Timers created with the period (the schedule exists once its timer does).</summary>
    public int Timers => Volatile.Read(ref _timers);

    public int Ticks => Volatile.Read(ref _ticks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (period != schedule)
        {
            return base.CreateTimer(callback, state, dueTime, period);
        }

        Interlocked.Increment(ref _timers);
        return base.CreateTimer(s =>
        {
            Interlocked.Increment(ref _ticks);
            callback(s);
        }, state, dueTime, period);
    }
}
