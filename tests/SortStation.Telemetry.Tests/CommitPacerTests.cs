using Microsoft.Extensions.Time.Testing;
using SortStation.Outbox;

namespace SortStation.Telemetry.Tests;

public sealed class CommitPacerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    [Fact]
    public void Wait_BeforeAnyCommit_Zero()
    {
        var pacer = new CommitPacer(Interval, new FakeTimeProvider());

        Assert.Equal(TimeSpan.Zero, pacer.Wait());
    }

    [Fact]
    public void Wait_SoonAfterACommit_RestOfTheInterval()
    {
        var time = new FakeTimeProvider();
        var pacer = new CommitPacer(Interval, time);
        pacer.Committed();

        time.Advance(TimeSpan.FromMilliseconds(3));

        Assert.Equal(TimeSpan.FromMilliseconds(7), pacer.Wait());
    }

    [Fact]
    public void Wait_AfterAQuietSpell_Zero()
    {
        var time = new FakeTimeProvider();
        var pacer = new CommitPacer(Interval, time);
        pacer.Committed();

        time.Advance(TimeSpan.FromMilliseconds(250));

        Assert.Equal(TimeSpan.Zero, pacer.Wait());
    }

    [Fact]
    public void Wait_IntervalZero_NeverWaits()
    {
        var time = new FakeTimeProvider();
        var pacer = new CommitPacer(TimeSpan.Zero, time);
        pacer.Committed();

        Assert.Equal(TimeSpan.Zero, pacer.Wait());
    }
}
