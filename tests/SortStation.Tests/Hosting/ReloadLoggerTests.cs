using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SortStation.Core.Options;
using SortStation.Hosting;
using SortStation.Kernel.Options;

namespace SortStation.Tests.Hosting;

public sealed partial class ReloadLoggerTests
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
    [InlineData("Belt:SpeedMetersPerSecond", true)] // BeltTiming reads it per item
    [InlineData("Belt:GateLeadMilliseconds", true)]
    [InlineData("Sorting:Bins:glass:DistanceMeters", true)] // SortingPipeline reads it per item
    [InlineData("Belt:MaxLateMilliseconds", true)] // GateWindows reads it per booking
    [InlineData("Sorting:Bins:glass:ReleaseMilliseconds", true)]
    [InlineData("Sorting:Bins:glass:GateWidthMeters", true)]
    [InlineData("Sorting:Bins:glass:PulseMilliseconds", false)] // the gate drivers are built with it at start
    [InlineData("Sorting:EndOfBeltBin", true)] // SortingPipeline reads it per missed gate
    [InlineData("Sorting:ClassificationBudgetMilliseconds", false)] // a layout rule, checked at start
    [InlineData("Trigger:MinSpacingMilliseconds", false)] // the trigger's lockout is set when it starts
    [InlineData("Health:ItemStallSeconds", true)]
    [InlineData("Health:Port", false)]
    public void IsLive_Key_AppliedWithoutRestartOnlyWhereSafe(string key, bool live)
    {
        using var logger = Create(new ConfigurationBuilder().Build(), out _);

        Assert.Equal(live, logger.IsLive(key));
    }

    [Fact]
    public async Task Reload_MistypedKeySaved_LoggedAsErrorWithSuggestionNotAsRestart()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Sorting:MinConfidence"] = "0.6" }).Build();
        using var logger = Create(configuration, out var log);
        await logger.StartAsync(default);

        configuration["Sorting:MinConfidense"] = "0.99";
        configuration.Reload();

        var entry = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Contains("Sorting:MinConfidense", entry.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean MinConfidence?", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_LiveKeyList_IsTheOneTheCodeApplies()
    {
        // One source of truth: the README's list is what AppliedLiveAttribute (and Serilog's live keys) say.
        using var logger = Create(new ConfigurationBuilder().Build(), out _, out var sections);
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var list = LiveKeyList().Match(readme);
        Assert.True(list.Success, "README.md has no <!-- live-keys --> … <!-- /live-keys --> list");

        var documented = list.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(k => k.Trim('`'));

        Assert.Equal(new ConfigSchema(sections).LiveKeys(), documented);
    }

    private static ReloadLogger Create(IConfiguration configuration, out ListLogger<ReloadLogger> log) => Create(configuration, out log, out _);

    private static ReloadLogger Create(IConfiguration configuration, out ListLogger<ReloadLogger> log, out IReadOnlyList<ConfigSection> sections)
    {
        // The sections the real station registers, whichever configuration the logger watches.
        using var host = StationHostBuilder.Build(null);
        sections = [.. host.Services.GetServices<ConfigSection>()];
        log = new ListLogger<ReloadLogger>();
        return new ReloadLogger(configuration, sections, log);
    }

    [GeneratedRegex("<!-- live-keys -->(.*?)<!-- /live-keys -->", RegexOptions.Singleline)]
    private static partial Regex LiveKeyList();
}
