using Microsoft.Extensions.Time.Testing;

namespace SortStation.Hardware.Tests.Support;

/// <summary>Waits for work on other threads: advances a fake clock in steps until a condition holds.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, FakeTimeProvider? time = null, TimeSpan? step = null, string? what = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met in 10 s: {what}");
            }

            time?.Advance(step ?? TimeSpan.FromMilliseconds(10));
            await Task.Delay(2);
        }
    }

    /// <summary>Advances the fake clock in steps until the task completes.</summary>
    public static async Task<T> CompletesAsync<T>(Task<T> task, FakeTimeProvider time, TimeSpan? step = null)
    {
        await TrueAsync(() => task.IsCompleted, time, step, "task to complete");
        return await task;
    }
}
