using System.Device.Gpio;
using SortStation.Hardware.Tests.Support;

namespace SortStation.Hardware.Tests.Timing;

/// <summary>The real scheduler and sorting loop driving real solenoid drivers on a fake GPIO, on a fake clock.</summary>
public sealed class StationSafetyTests
{
    [Fact]
    public async Task Loop_SeveralItemsInFlight_EachGatePulsesAtItsItemsArrival()
    {
        await using var rig = new LoopRig();
        await rig.Loop.StartAsync(CancellationToken.None);

        await rig.SendAsync(1);                 // glass due at t = 1000 ms
        await rig.AdvanceAsync(300);
        await rig.SendAsync(2);                 // glass due at t = 1300 ms
        Assert.Equal(2, rig.Scheduler.InFlight);

        await rig.AdvanceAsync(699);
        Assert.Equal(PinValue.Low, rig.Level(LoopRig.GlassPin));
        await rig.AdvanceAsync(2);
        Assert.Equal(PinValue.High, rig.Level(LoopRig.GlassPin));
        await rig.AdvanceAsync(100);
        Assert.Equal(PinValue.Low, rig.Level(LoopRig.GlassPin));
        await rig.AdvanceAsync(200);
        Assert.Equal(PinValue.High, rig.Level(LoopRig.GlassPin));
        await rig.AdvanceAsync(100);

        Assert.Equal(2, rig.Driver.Writes.Count(w => w.Pin == LoopRig.GlassPin && w.Value == PinValue.High));
        await rig.StopLoopAsync();
    }

    [Fact]
    public async Task Scheduler_SecondItemDueDuringPulse_FiresRightAfterFirstPulse()
    {
        await using var rig = new LoopRig();
        var t0 = rig.Time.GetUtcNow();
        var fired = new List<DateTimeOffset>();
        rig.Scheduler.Fired += (_, e) => fired.Add(e.FiredAt);

        rig.Scheduler.Schedule("glass", t0.AddMilliseconds(100), "a");
        rig.Scheduler.Schedule("glass", t0.AddMilliseconds(150), "b"); // due while "a" runs; in front of the 0.05 m paddle for 100 ms
        await rig.AdvanceAsync(300);
        await rig.Scheduler.WhenIdleAsync();

        // "b" waits for the 80 ms pulse and the 20 ms release of "a" (the clock moves in 1 ms steps here).
        Assert.Equal(t0.AddMilliseconds(100), fired[0]);
        Assert.InRange(fired[1], t0.AddMilliseconds(200), t0.AddMilliseconds(202));
    }

    [Fact]
    public async Task EStop_TripsDuringPulse_OutputsSafeAtOnceAndDueItemsDropped()
    {
        await using var rig = new LoopRig();
        await rig.Loop.StartAsync(CancellationToken.None);
        await rig.SendAsync(1);
        await rig.AdvanceAsync(1010);
        Assert.Equal(PinValue.High, rig.Level(LoopRig.GlassPin));

        rig.EStop.Trip();

        Assert.Equal(PinValue.Low, rig.Level(LoopRig.GlassPin));
        Assert.True(rig.Scheduler.IsPaused);
        rig.Trigger.Send(new Core.Devices.ItemDetected(2, rig.Time.GetUtcNow()));
        await rig.AdvanceAsync(1500);
        Assert.Equal(1, rig.Outbox.Pending); // item 2 was not taken
        Assert.Equal(1, rig.Driver.Writes.Count(w => w.Pin == LoopRig.GlassPin && w.Value == PinValue.High));
        await rig.StopLoopAsync();
    }

    [Fact]
    public async Task EStop_Released_SortingResumes()
    {
        await using var rig = new LoopRig();
        await rig.Loop.StartAsync(CancellationToken.None);
        rig.EStop.Trip();
        rig.Trigger.Send(new Core.Devices.ItemDetected(1, rig.Time.GetUtcNow()));

        // Item 1 is dropped whether the loop reads it before the release or after it.
        rig.EStop.Release();
        await rig.AdvanceAsync(1);
        await rig.SendAsync(2);
        await rig.AdvanceAsync(1010);

        Assert.False(rig.Scheduler.IsPaused);
        Assert.Equal(1, rig.Outbox.Pending);
        Assert.Equal(PinValue.High, rig.Level(LoopRig.GlassPin));
        await rig.StopLoopAsync();
    }

    [Fact]
    public async Task EStop_ItemStampedAtReleaseInstant_Dropped()
    {
        await using var rig = new LoopRig();
        await rig.Loop.StartAsync(CancellationToken.None);
        rig.EStop.Trip();
        await rig.AdvanceAsync(50);
        rig.EStop.Release();

        rig.Trigger.Send(new Core.Devices.ItemDetected(1, rig.Time.GetUtcNow()));
        await rig.AdvanceAsync(1);
        await rig.SendAsync(2);

        Assert.Equal(1, rig.Outbox.Pending);
        await rig.StopLoopAsync();
    }

    [Fact]
    public async Task Loop_Stopped_EveryOutputAtSafeLevel()
    {
        await using var rig = new LoopRig();
        await rig.Loop.StartAsync(CancellationToken.None);
        await rig.SendAsync(1);
        await rig.AdvanceAsync(1010);
        Assert.Equal(PinValue.High, rig.Level(LoopRig.GlassPin));

        await rig.StopLoopAsync();

        Assert.Equal(PinValue.Low, rig.Level(LoopRig.GlassPin));
        Assert.Equal(PinValue.Low, rig.Level(LoopRig.FibrePin));
    }

    [Fact]
    public async Task Loop_UnhandledException_EveryOutputAtSafeLevel()
    {
        await using var rig = new LoopRig();
        await rig.Loop.StartAsync(CancellationToken.None);
        await rig.SendAsync(1);
        await rig.AdvanceAsync(1010);
        Assert.Equal(PinValue.High, rig.Level(LoopRig.GlassPin));

        rig.Trigger.Throw = new InvalidOperationException("trigger driver crashed");
        rig.Trigger.Send(new Core.Devices.ItemDetected(2, rig.Time.GetUtcNow()));
        await Eventually.TrueAsync(() => rig.Loop.ExecuteTask!.IsCompleted, "loop to end (item 1's pulse finishes first)", rig.Time);

        Assert.True(rig.Loop.ExecuteTask!.IsFaulted);
        Assert.Equal(PinValue.Low, rig.Level(LoopRig.GlassPin));
    }
}
