using SortStation.Hardware.Triggers;

namespace SortStation.Hardware.Tests.Triggers;

public sealed class LevelTriggerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Update_RiseAboveThreshold_FiresOncePerRise()
    {
        var trigger = new LevelTrigger(10, TimeSpan.FromMilliseconds(100));

        var fired = new[] { 0.0, 12, 15, 14 }.Select((v, i) => trigger.Update(v, T0.AddMilliseconds(i * 50))).ToArray();

        Assert.Equal([false, true, false, false], fired);
    }

    [Fact]
    public void Update_DipShorterThanRearm_DoesNotFireAgain()
    {
        var trigger = new LevelTrigger(10, TimeSpan.FromMilliseconds(100));
        trigger.Update(20, T0);
        trigger.Update(2, T0.AddMilliseconds(10));

        Assert.False(trigger.Update(20, T0.AddMilliseconds(60)));
    }

    [Fact]
    public void Update_BelowForRearmTime_FiresForNextItem()
    {
        var trigger = new LevelTrigger(10, TimeSpan.FromMilliseconds(100));
        trigger.Update(20, T0);
        trigger.Update(2, T0.AddMilliseconds(10));
        trigger.Update(2, T0.AddMilliseconds(120));

        Assert.True(trigger.Update(20, T0.AddMilliseconds(130)));
    }

    [Fact]
    public void Debouncer_EdgeWithinWindow_IsRejected()
    {
        var debouncer = new EdgeDebouncer(TimeSpan.FromMilliseconds(20));

        Assert.Equal([true, false, true], new[] { 0, 19, 20 }.Select(ms => debouncer.Accept(T0.AddMilliseconds(ms))));
    }

    [Fact]
    public void Update_NextRiseSoonerThanMinSpacing_CountsAsTheSameItem()
    {
        var trigger = new LevelTrigger(10, TimeSpan.FromMilliseconds(20), minSpacing: TimeSpan.FromMilliseconds(150));
        trigger.Update(20, T0);
        trigger.Update(2, T0.AddMilliseconds(10));
        trigger.Update(2, T0.AddMilliseconds(40)); // re-armed

        Assert.False(trigger.Update(20, T0.AddMilliseconds(100)));
        trigger.Update(2, T0.AddMilliseconds(110));
        trigger.Update(2, T0.AddMilliseconds(140));
        Assert.True(trigger.Update(20, T0.AddMilliseconds(160)));
    }
}
