using System.Text.Json;
using SortStation.Demo;
using SortStation.Mqtt;

namespace SortStation.Integration.Tests;

/// <summary>The demo with a simulated jam: the station soft-stops, resumes by itself, and the summary says so.</summary>
public sealed class DemoJamTests : IDisposable
{
    private readonly string _config = Path.Combine(Path.GetTempPath(), $"sortstation-jam-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_config);

    [Fact]
    public async Task RunAsync_SimulatedJam_OneJamReportedAndEverySortedItemDelivered()
    {
        File.WriteAllText(_config, """
            {
              "Simulation": { "JamAfterItems": 5, "JamHoldSeconds": 3 },
              "Trigger": { "JamSeconds": 1 }
            }
            """);
        await using var broker = await EmbeddedBroker.StartAsync();
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await new DemoRunner(12, broker.Uri, null, 20, new FileInfo(_config)).RunAsync(json: true, output, error, CancellationToken.None);

        Assert.True(exit == 0, error.ToString());
        using var summary = JsonDocument.Parse(output.ToString());
        var root = summary.RootElement;
        Assert.Equal(12, root.GetProperty("received").GetInt32());
        var stoppage = root.GetProperty("stoppage");
        Assert.Equal(1, stoppage.GetProperty("alarms").GetProperty("jam").GetInt32());
        Assert.Empty(stoppage.GetProperty("activeAtEnd").EnumerateArray());
        Assert.Equal(12, stoppage.GetProperty("committed").GetInt32());
    }
}
