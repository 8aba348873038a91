using SortStation.Contracts;
using SortStation.Core.Options;
using SortStation.Core.Routing;
using SortStation.Core.Tests.Support;

namespace SortStation.Core.Tests.Routing;

public sealed class RouterTests
{
    private readonly TestOptionsMonitor<SortingOptions> _options = new(TestSorting.Options());

    [Fact]
    public void Route_ConfidentRoutedLabel_GoesToItsBin()
    {
        var decision = new Router(_options).Route(new LabelScore("paper", 0.95));

        Assert.Equal(new RoutingDecision("fibre", RouteReason.Routed), decision);
        Assert.False(decision.IsReject);
    }

    [Fact]
    public void Route_ConfidenceBelowThreshold_GoesToRejectBin()
    {
        var decision = new Router(_options).Route(new LabelScore("glass", 0.59));

        Assert.Equal(new RoutingDecision("reject", RouteReason.LowConfidence), decision);
    }

    [Fact]
    public void Route_ConfidenceExactlyAtThreshold_IsRouted()
    {
        var decision = new Router(_options).Route(new LabelScore("glass", 0.6));

        Assert.Equal("glass", decision.Bin);
    }

    [Fact]
    public void Route_LabelWithoutRoute_GoesToRejectBin()
    {
        var decision = new Router(_options).Route(new LabelScore("metal", 0.99));

        Assert.Equal(new RoutingDecision("reject", RouteReason.UnknownLabel), decision);
    }

    [Fact]
    public void Route_LabelCaseDiffers_StillRouted()
    {
        Assert.Equal("glass", new Router(_options).Route(new LabelScore("GLASS", 0.9)).Bin);
    }

    [Fact]
    public void Route_ThresholdRaisedLive_AppliesToNextItem()
    {
        var router = new Router(_options);
        Assert.Equal("glass", router.Route(new LabelScore("glass", 0.7)).Bin);

        _options.CurrentValue = TestSorting.Options();
        _options.CurrentValue.MinConfidence = 0.8;

        Assert.Equal(RouteReason.LowConfidence, router.Route(new LabelScore("glass", 0.7)).Reason);
    }

    [Fact]
    public void NoImage_CameraFault_GoesToRejectBin()
    {
        Assert.Equal(new RoutingDecision("reject", RouteReason.CameraFault), new Router(_options).NoImage());
    }

    [Theory]
    [InlineData(RouteReason.Routed, "routed")]
    [InlineData(RouteReason.LowConfidence, "low-confidence")]
    [InlineData(RouteReason.UnknownLabel, "unknown-label")]
    [InlineData(RouteReason.CameraFault, "camera-fault")]
    public void ToWire_EachReason_HasStableName(RouteReason reason, string wire)
    {
        Assert.Equal(wire, reason.ToWire());
    }
}
