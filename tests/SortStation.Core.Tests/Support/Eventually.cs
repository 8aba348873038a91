using Microsoft.Extensions.Time.Testing;

namespace SortStation.Core.Tests.Support;

/// <summary>Waits for work on other threads, advancing a fake clock in steps when given one; fails after 10 s.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, FakeTimeProvider? time = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met in 10 s: {what}");
            }

            time?.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(2);
        }
    }
}
