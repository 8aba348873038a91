using SortStation.Core.Options;
using SortStation.Core.Tests.Support;
using SortStation.Core.Timing;

namespace SortStation.Core.Tests.Timing;

public sealed class BeltTimingTests
{
    [Fact]
    public void TravelTime_DistanceAndSpeed_IsDistanceOverSpeed()
    {
        var timing = new BeltTiming(new TestOptionsMonitor<BeltOptions>(new BeltOptions { SpeedMetersPerSecond = 0.5 }));

        Assert.Equal(TimeSpan.FromSeconds(1.3), timing.TravelTime(0.65));
    }

    [Fact]
    public void TravelTime_WithLead_FiresEarlierByLead()
    {
        var timing = new BeltTiming(new TestOptionsMonitor<BeltOptions>(new BeltOptions { SpeedMetersPerSecond = 0.5, GateLeadMilliseconds = 30 }));

        Assert.Equal(TimeSpan.FromMilliseconds(770), timing.TravelTime(0.4));
    }

    [Fact]
    public void TravelTime_LeadLongerThanTravel_ClampsToZero()
    {
        var timing = new BeltTiming(new TestOptionsMonitor<BeltOptions>(new BeltOptions { SpeedMetersPerSecond = 2, GateLeadMilliseconds = 500 }));

        Assert.Equal(TimeSpan.Zero, timing.TravelTime(0.1));
    }

    [Fact]
    public void FireTime_SeenAtCamera_AddsTravelTime()
    {
        var timing = new BeltTiming(new TestOptionsMonitor<BeltOptions>(new BeltOptions { SpeedMetersPerSecond = 0.25 }));
        var seen = new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

        Assert.Equal(seen.AddSeconds(4), timing.FireTime(seen, 1.0));
    }
}
