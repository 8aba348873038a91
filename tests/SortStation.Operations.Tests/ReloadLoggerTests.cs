using SortStation.Hosting;

namespace SortStation.Operations.Tests;

public sealed class ReloadLoggerTests
{
    [Fact]
    public void Diff_ChangedAddedRemoved_EachWithOldAndNew()
    {
        var old = new Dictionary<string, string?> { ["Pricing:PerKg:metal"] = "8000", ["Sorting:MinConfidence"] = "0.6", ["Mqtt:Broker"] = "mqtt://a" };
        var now = new Dictionary<string, string?> { ["Pricing:PerKg:metal"] = "9000", ["Sorting:MinConfidence"] = "0.6", ["Health:Enabled"] = "true" };

        var changes = ReloadLogger.Diff(old, now);

        Assert.Equal(
            [("Health:Enabled", null, "true"), ("Mqtt:Broker", "mqtt://a", null), ("Pricing:PerKg:metal", "8000", "9000")],
            changes);
    }

    [Theory]
    [InlineData("Pricing:PerKg:metal", true)]
    [InlineData("Sorting:MinConfidence", true)]
    [InlineData("Sorting:Routes:glass", true)]
    [InlineData("Serilog:MinimumLevel:Default", true)]
    [InlineData("Model:Path", true)]
    [InlineData("Model:Workers", false)]
    [InlineData("Serilog:MinimumLevel:Override:Microsoft", false)]
    [InlineData("Sorting:Bins:glass:Pin", false)]
    [InlineData("Mqtt:Broker", false)]
    public void IsLive_Key_AppliedWithoutRestartOnlyWhereSafe(string key, bool live) => Assert.Equal(live, ReloadLogger.IsLive(key));
}
