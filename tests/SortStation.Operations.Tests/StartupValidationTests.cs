using Microsoft.Extensions.Options;
using SortStation.Hosting;

namespace SortStation.Operations.Tests;

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
}
