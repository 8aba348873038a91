using SortStation.Kernel.Timing;

namespace SortStation.Mqtt.Tests;

public sealed class BackoffTests
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    [Fact]
    public void Next_ManyTimes_StaysWithinMinAndMax()
    {
        var backoff = new Backoff(Min, Max, new Random(1));

        var waits = Enumerable.Range(0, 200).Select(_ => backoff.Next()).ToArray();

        Assert.All(waits, w => Assert.InRange(w, Min, Max));
    }

    [Fact]
    public void Next_Repeated_CeilingDoublesUpToMax()
    {
        var backoff = new Backoff(Min, Max, new Random(2));
        var topOfRange = new Backoff(Min, Max, new TopOfRange());

        // The n-th wait is at most min·2^(n-1), capped at max; a draw at the top of the range reaches that ceiling.
        for (var n = 0; n < 10; n++)
        {
            var ceiling = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, n)));
            Assert.True(backoff.Next() <= ceiling);
            Assert.InRange(topOfRange.Next(), ceiling - TimeSpan.FromMilliseconds(1), ceiling);
        }
    }

    [Fact]
    public void Next_AfterReset_StartsAgainAtMin()
    {
        var backoff = new Backoff(Min, Max, new Random(3));
        for (var i = 0; i < 10; i++)
        {
            backoff.Next();
        }

        backoff.Reset();

        Assert.Equal(Min, backoff.Next());
    }

    [Fact]
    public void Next_ManyStations_AreJittered()
    {
        var waits = Enumerable.Range(0, 20).Select(seed =>
        {
            var backoff = new Backoff(Min, Max, new Random(seed));
            backoff.Next();
            backoff.Next();
            return backoff.Next();
        });

        Assert.True(waits.Distinct().Count() > 10);
    }

    /// <summary>A random source that always draws just below 1: each wait lands on its ceiling.</summary>
    private sealed class TopOfRange : Random
    {
        public override double NextDouble() => Math.BitDecrement(1.0);
    }
}
