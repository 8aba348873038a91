using System.Text.Json;
using SortStation.Contracts;
using SortStation.Core.Options;
using SortStation.Demo;
using SortStation.Integration.Tests.Support;
using SortStation.Mqtt;

namespace SortStation.Integration.Tests;

/// <summary>The whole loop on simulated hardware against a real (embedded MQTTnet) broker, checked by an independent subscriber.</summary>
public sealed class DemoLoopTests
{
    private static readonly Dictionary<string, string> Routes = new()
    {
        ["cardboard"] = "fibre", ["paper"] = "fibre", ["glass"] = "glass", ["metal"] = "metal", ["plastic"] = "plastic", ["trash"] = "residual",
    };

    private static readonly Dictionary<string, decimal> Prices = new()
    {
        ["cardboard"] = 2500, ["paper"] = 2000, ["glass"] = 500, ["metal"] = 8000, ["plastic"] = 3500, ["trash"] = 0,
    };

    private static readonly double MinConfidence = new SortingOptions().MinConfidence;

    [Fact]
    public async Task RunAsync_SyntheticFrames_EveryRecordArrivesOnceWithTheRightFields()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        await using var subscriber = await RawSubscriber.ConnectAsync(broker.Uri, "sortstation/+/weighing");
        var output = new StringWriter();
        var error = new StringWriter();
        var config = new FileInfo(Path.Combine(Path.GetTempPath(), $"sortstation-synthetic-{Guid.NewGuid():N}.json"));
        await File.WriteAllTextAsync(config.FullName, """{ "Simulation": { "SyntheticFrames": true } }""");

        int exit;
        try
        {
            exit = await new DemoRunner(30, broker.Uri, null, 20, config).RunAsync(json: true, output, error, CancellationToken.None);
        }
        finally
        {
            config.Delete();
        }

        Assert.True(exit == 0, error.ToString());
        using var summary = JsonDocument.Parse(output.ToString());
        var root = summary.RootElement;
        Assert.Equal(30, root.GetProperty("items").GetInt32());
        Assert.Equal(30, root.GetProperty("published").GetInt32());
        Assert.Equal(30, root.GetProperty("received").GetInt32());
        Assert.Equal("sortstation/station-01/weighing", root.GetProperty("subscribedTopic").GetString());
        Assert.Equal(0, root.GetProperty("otherStation").GetInt32());
        Assert.True(root.GetProperty("latencyMs").GetProperty("p99").GetDouble() > 0);
        Assert.Equal(30, root.GetProperty("perBin").EnumerateObject().Sum(b => b.Value.GetInt32()));

        Assert.True(await subscriber.WaitForAsync(30, TimeSpan.FromSeconds(10)));
        var records = subscriber.Messages.Select(m => ContractJson.DeserializeWeighing(m)!).ToArray();
        Assert.Equal(30, records.Length);
        Assert.Equal(30, records.Select(r => r.ItemId).Distinct().Count());
        Assert.All(records, AssertWellFormed);
        Assert.Equal(root.GetProperty("rejects").GetInt32(), records.Count(r => r.Reason != "routed"));
        Assert.Equal("synthetic drawings", root.GetProperty("frames").GetString());
    }

    [Fact]
    public async Task RunAsync_NoImagesGiven_ReplaysTheSamplesIntoAMixOfLabelsAndBins()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await new DemoRunner(30, broker.Uri, null, 20, null).RunAsync(json: true, output, error, CancellationToken.None);

        Assert.True(exit == 0, error.ToString());
        using var summary = JsonDocument.Parse(output.ToString());
        var root = summary.RootElement;
        Assert.StartsWith("48 photos from ", root.GetProperty("frames").GetString(), StringComparison.Ordinal);
        var labels = root.GetProperty("perLabel").EnumerateObject().ToDictionary(l => l.Name, l => l.Value.GetProperty("count").GetInt32());
        var bins = root.GetProperty("perBin").EnumerateObject().ToDictionary(b => b.Name, b => b.Value.GetInt32());
        Assert.Equal(30, labels.Values.Sum());
        Assert.True(labels.Count >= 5, $"labels: {string.Join(", ", labels)}");
        Assert.True(labels.Values.Max() <= 12, $"one label dominates: {string.Join(", ", labels)}");
        Assert.True(bins.Count(b => b.Key != "reject") >= 4, $"bins: {string.Join(", ", bins)}");
    }

    [TrashNetFact]
    public async Task RunAsync_TrashNetPhotos_SortsAndPublishesEveryItem()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await new DemoRunner(12, broker.Uri, new DirectoryInfo(RepoPaths.TrashNet), 30, null).RunAsync(json: true, output, error, CancellationToken.None);

        Assert.True(exit == 0, error.ToString());
        using var summary = JsonDocument.Parse(output.ToString());
        Assert.Equal(12, summary.RootElement.GetProperty("received").GetInt32());
        Assert.Equal(12, summary.RootElement.GetProperty("perLabel").EnumerateObject().Sum(l => l.Value.GetProperty("count").GetInt32()));
    }

    private static void AssertWellFormed(WeighingRecord r)
    {
        Assert.Equal(WeighingSchema.Current, r.Schema);
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{26}$", r.ItemId);
        Assert.Equal("station-01", r.StationId);
        Assert.Equal(TimeSpan.Zero, r.Timestamp.Offset);
        Assert.Contains(r.Label, Routes.Keys);
        Assert.Equal(r.Label, r.Top[0].Label);
        Assert.Equal(r.Confidence, r.Top[0].Confidence);
        Assert.Equal(3, r.Top.Count);
        Assert.True(r.WeightKg > 0);
        Assert.StartsWith("mobilenetv2-", r.Model, StringComparison.Ordinal);
        if (r.Confidence < MinConfidence)
        {
            Assert.Equal(("reject", "low-confidence"), (r.Bin, r.Reason));
            Assert.Null(r.Value);
        }
        else if (r.Reason == "missed-gate")
        {
            // Items 20 ms apart outrun a gate that diverts at most 10 a second: the record says where the item went.
            Assert.Equal("reject", r.Bin);
            Assert.Null(r.Value);
        }
        else
        {
            Assert.Equal((Routes[r.Label], "routed"), (r.Bin, r.Reason));
            Assert.Equal(Prices[r.Label], r.UnitPrice);
            Assert.Equal(Math.Round((decimal)r.WeightKg!.Value * Prices[r.Label], 0, MidpointRounding.AwayFromZero), r.Value);
        }
    }
}
