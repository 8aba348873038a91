using Microsoft.Extensions.Options;
using SortStation.Hosting;

namespace SortStation.Tests.Hosting;

/// <summary>Keeping the last valid options on reload must not let invalid configuration start the station.</summary>
public sealed class StartupValidationTests
{
    [Fact]
    public void Build_InvalidMinConfidence_StillFailsTheStart()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => StationHostBuilder.Build(null, new Dictionary<string, string?> { ["Sorting:MinConfidence"] = "5" }));

        Assert.Contains("Sorting:MinConfidence", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PrivilegedHealthPort_FailsTheStart()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => StationHostBuilder.Build(null, new Dictionary<string, string?> { ["Health:Port"] = "80" }));

        Assert.Contains("Health:Port = 80", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MistypedKey_FailsTheStartWithSourceAndSuggestion()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => StationHostBuilder.Build(null, new Dictionary<string, string?> { ["Sorting:MinConfidense"] = "0.99" }));

        var error = Assert.Single(failure.Failures);
        Assert.StartsWith("Sorting:MinConfidense = \"0.99\": is not a known key (set by the command itself)", error, StringComparison.Ordinal);
        Assert.Contains("did you mean MinConfidence?", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Simulated")]
    [InlineData("Raspberry")]
    public void Build_EitherHardwareMode_EveryDocumentedSectionIsKnown(string mode)
    {
        // appsettings.json carries both modes' sections and Serilog's; none may count as unknown.
        var failure = Record.Exception(() => StationHostBuilder.Build(null, new Dictionary<string, string?> { ["Station:Hardware"] = mode }).Dispose());

        Assert.DoesNotContain("is not a known", failure?.Message ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MistypedKeyInAnUnusedHardwareSection_StillFails()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => StationHostBuilder.Build(null, new Dictionary<string, string?> { ["Scale:DatePin"] = "5" }));

        Assert.Contains("did you mean DataPin?", failure.Message, StringComparison.Ordinal);
    }
}
