using Microsoft.Extensions.Time.Testing;

namespace SortStation.Testing;

/// <summary>
/// Waits on a condition with a deadline instead of a fixed sleep. With a fake clock it advances the clock a step
/// per poll and throws after 10 s naming what it waited for; the deadline forms return false for an Assert.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    public static async Task TrueAsync(Func<bool> condition, string what, FakeTimeProvider? time = null, TimeSpan? step = null)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met in {Limit.TotalSeconds:0} s: {what}");
            }

            time?.Advance(step ?? TimeSpan.FromMilliseconds(10));
            await Task.Delay(2);
        }
    }

    public static Task TrueAsync(Func<bool> condition, FakeTimeProvider? time = null, TimeSpan? step = null) =>
        TrueAsync(condition, "condition", time, step);

    /// <summary>Advances the fake clock in steps until the task completes.</summary>
    public static async Task<T> CompletesAsync<T>(Task<T> task, FakeTimeProvider time, TimeSpan? step = null)
    {
        await TrueAsync(() => task.IsCompleted, "task to complete", time, step);
        return await task;
    }

    /// <summary>Polls on the real clock (brokers, databases, processes); false when the timeout passes first.</summary>
    public static Task<bool> TrueAsync(Func<bool> condition, TimeSpan timeout) => TrueAsync(() => Task.FromResult(condition()), timeout);

    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }
}
