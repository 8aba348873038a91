using SortStation.Core.Options;
using SortStation.Core.Tests.Support;
using SortStation.Core.Timing;

namespace SortStation.Core.Tests.Timing;

public sealed class GateWindowsTests
{
    private static (GateWindows Windows, TestOptionsMonitor<SortingOptions> Sorting, TestOptionsMonitor<BeltOptions> Belt) Create()
    {
        var sorting = new TestOptionsMonitor<SortingOptions>(Sorting(pulse: 80, release: 20, width: 0.05));
        var belt = new TestOptionsMonitor<BeltOptions>(new BeltOptions { SpeedMetersPerSecond = 0.5 });
        return (new GateWindows(sorting, belt), sorting, belt);
    }

    private static SortingOptions Sorting(int pulse, int release, double width) => new()
    {
        Bins = new(StringComparer.OrdinalIgnoreCase)
        {
            ["glass"] = new BinOptions { Pin = 27, DistanceMeters = 0.8, PulseMilliseconds = pulse, ReleaseMilliseconds = release, GateWidthMeters = width },
        },
    };

    [Fact]
    public void For_ReleaseWidthAndMaxLateChangedLive_NextBookingUsesThem()
    {
        var (windows, sorting, belt) = Create();
        Assert.Equal(new GateWindow(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100)), windows.For("glass"));

        sorting.CurrentValue = Sorting(pulse: 80, release: 50, width: 0.10);
        Assert.Equal(new GateWindow(TimeSpan.FromMilliseconds(130), TimeSpan.FromMilliseconds(200)), windows.For("glass"));

        belt.CurrentValue = new BeltOptions { SpeedMetersPerSecond = 0.5, MaxLateMilliseconds = 30 };
        Assert.Equal(TimeSpan.FromMilliseconds(30), windows.For("glass").MaxLate);
    }

    [Fact]
    public void For_PulseChangedLive_KeepsThePulseTheDriverWasBuiltWith()
    {
        // The gate drivers are built at start: booking a shorter diversion than the driver's pulse would let the
        // next fire start while the gate is still energised.
        var (windows, sorting, _) = Create();

        sorting.CurrentValue = Sorting(pulse: 10, release: 20, width: 0.05);

        Assert.Equal(TimeSpan.FromMilliseconds(100), windows.For("glass").Cycle);
    }
}
