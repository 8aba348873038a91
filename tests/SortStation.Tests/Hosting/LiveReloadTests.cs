using System.Text.Json.Nodes;
using SortStation.Core.Pipeline;
using SortStation.Vision;

namespace SortStation.Tests.Hosting;

/// <summary>The running station picks up a technician's edits of its --config file without a restart.</summary>
public sealed class LiveReloadTests : IDisposable
{
    // Generous: a model load and check on two shared cores can take seconds; passing runs return as soon as the condition holds.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly string _models = Directory.CreateTempSubdirectory("sortstation-models-").FullName;

    public void Dispose() => Directory.Delete(_models, recursive: true);

    [Fact]
    public async Task PriceTable_FileChangedWhileRunning_NewWeighingsCarryNewPrice()
    {
        await using var station = await RunningStation.StartAsync(StationConfig.With(pricePerKg: 1000));
        Assert.True(await RunningStation.EventuallyAsync(() => station.Records.Any(r => r.UnitPrice == 1000), Timeout), "no weighing at the first price");

        await station.RewriteConfigAsync(StationConfig.With(pricePerKg: 7777));

        Assert.True(await RunningStation.EventuallyAsync(() => station.Records.Count(r => r.UnitPrice == 7777) >= 3, Timeout), "no weighing at the new price");
        var firstNew = station.Records.Where(r => r.UnitPrice == 7777).Min(r => r.Timestamp);
        Assert.All(station.Records.Where(r => r.Timestamp > firstNew && r.UnitPrice is not null), r => Assert.Equal(7777m, r.UnitPrice));
    }

    [Fact]
    public async Task MinConfidence_RaisedWhileRunning_LaterItemsRejected()
    {
        await using var station = await RunningStation.StartAsync(StationConfig.With(minConfidence: 0));
        Assert.True(await RunningStation.EventuallyAsync(() => station.Records.Count(r => r.Reason == "routed") >= 3, Timeout));

        await station.RewriteConfigAsync(StationConfig.With(minConfidence: 1));
        var before = station.Records.Count;

        Assert.True(await RunningStation.EventuallyAsync(() => station.Records.Count(r => r.Reason == "low-confidence") >= 3, Timeout), "threshold not applied");
        var firstReject = station.Records.Where(r => r.Reason == "low-confidence").Min(r => r.Timestamp);
        Assert.All(station.Records.Where(r => r.Timestamp > firstReject), r => Assert.Equal("reject", r.Bin));
        Assert.True(station.Records.Count > before);
    }

    [Fact]
    public async Task MinConfidence_InvalidValueSaved_RefusedAndSortingContinuesWithLastGood()
    {
        await using var station = await RunningStation.StartAsync(StationConfig.With(minConfidence: 0));
        Assert.True(await RunningStation.EventuallyAsync(() => station.Records.Count >= 3, Timeout));

        await station.RewriteConfigAsync(StationConfig.With(minConfidence: 5));
        // The sentinel: the refusal is logged once the edit has been read and judged.
        Assert.True(await RunningStation.EventuallyAsync(() => station.ReadLog().Contains("Sorting:MinConfidence = 5", StringComparison.Ordinal), Timeout), station.ReadLog());
        var before = station.Records.Count;

        Assert.True(await RunningStation.EventuallyAsync(() => station.Records.Count >= before + 5, Timeout), "sorting stopped after an invalid edit");
        Assert.Contains(station.Records, r => r.Reason == "routed" && r.Timestamp > DateTimeOffset.UtcNow.AddSeconds(-1));
        Assert.True(await RunningStation.EventuallyAsync(() => station.ReadLog().Contains("Sorting:MinConfidence = 5", StringComparison.Ordinal), Timeout), station.ReadLog());
    }

    [Fact]
    public async Task LogLevel_RaisedToDebugWhileRunning_DebugLinesAppear()
    {
        await using var station = await RunningStation.StartAsync(StationConfig.With(logLevel: "Information"));
        Assert.True(await RunningStation.EventuallyAsync(() => station.Records.Count >= 5, Timeout));
        Assert.DoesNotContain("[DBG]", station.ReadLog(), StringComparison.Ordinal);

        await station.RewriteConfigAsync(StationConfig.With(logLevel: "Debug"));

        Assert.True(await RunningStation.EventuallyAsync(() => station.ReadLog().Contains("[DBG]", StringComparison.Ordinal), Timeout), "no debug line after the level change");
        Assert.True(await RunningStation.EventuallyAsync(() => station.ReadLog().Contains("Serilog:MinimumLevel:Default: Information → Debug", StringComparison.Ordinal), Timeout), station.ReadLog());
    }

    [Fact]
    public async Task Model_CorruptFileSwappedIn_RefusedAndSortingContinuesOnOldModel()
    {
        var model = StationConfig.CopyModel(_models, "current");
        await using var station = await RunningStation.StartAsync(StationConfig.With(modelPath: model));
        var classifier = station.Get<SwappableClassifier>();
        var modelId = classifier.Model.Id;
        Assert.True(await RunningStation.EventuallyAsync(() => station.Records.Count >= 3, Timeout));

        await File.WriteAllBytesAsync(model, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7))]);

        Assert.True(await RunningStation.EventuallyAsync(() => classifier.Refusals >= 1, Timeout), "the corrupt model was not tried");
        var sorted = station.Get<SortingStatistics>().Snapshot().Items;
        Assert.True(await RunningStation.EventuallyAsync(() => station.Get<SortingStatistics>().Snapshot().Items >= sorted + 5, Timeout), "sorting stopped");
        Assert.Equal(modelId, classifier.Model.Id);
        Assert.All(station.Records, r => Assert.Equal(modelId, r.Model));
        Assert.True(await RunningStation.EventuallyAsync(() => station.ReadLog().Contains("refused", StringComparison.Ordinal), Timeout), station.ReadLog());
    }

    [Fact]
    public async Task Model_PathChangedToGoodModel_SwappedAndRecordsCarryIt()
    {
        var first = StationConfig.CopyModel(_models, "first");
        var second = StationConfig.CopyModel(_models, "second", version: "9.9.9-test");
        await using var station = await RunningStation.StartAsync(StationConfig.With(modelPath: first));
        Assert.True(await RunningStation.EventuallyAsync(() => station.Records.Count >= 3, Timeout));

        await station.RewriteConfigAsync(StationConfig.With(modelPath: second));

        Assert.True(await RunningStation.EventuallyAsync(() => station.Records.Count(r => r.Model.EndsWith("@9.9.9-test", StringComparison.Ordinal)) >= 3, Timeout), "the new model did not sort");
        Assert.Equal(1, station.Get<SwappableClassifier>().Swaps);
        Assert.True(await RunningStation.EventuallyAsync(() => station.ReadLog().Contains("Model reloaded (Model:Path:", StringComparison.Ordinal), Timeout), station.ReadLog());
    }

    [Fact]
    public async Task Model_MetadataLabelsPermutedWhileRunning_RefusedAndOldModelKeepsSorting()
    {
        var model = StationConfig.CopyModel(_models, "permuted");
        await using var station = await RunningStation.StartAsync(StationConfig.With(modelPath: model));
        var classifier = station.Get<SwappableClassifier>();
        Assert.True(await RunningStation.EventuallyAsync(() => station.Records.Count >= 3, Timeout));

        // Only metadata.json changes: glass and cardboard swap places, labels.txt keeps the network's order.
        var metadataFile = Path.Combine(Path.GetDirectoryName(model)!, "metadata.json");
        var metadata = JsonNode.Parse(await File.ReadAllTextAsync(metadataFile))!.AsObject();
        metadata["labels"] = new JsonArray("glass", "cardboard", "metal", "paper", "plastic", "trash");
        await File.WriteAllTextAsync(metadataFile + ".tmp", metadata.ToJsonString());
        File.Move(metadataFile + ".tmp", metadataFile, overwrite: true);

        Assert.True(await RunningStation.EventuallyAsync(() => classifier.Refusals >= 1, Timeout), "the permuted labels were not tried");
        Assert.Equal(0, classifier.Swaps);
        Assert.Equal(["cardboard", "glass", "metal", "paper", "plastic", "trash"], classifier.Model.Labels);
        Assert.True(await RunningStation.EventuallyAsync(() => station.ReadLog().Contains("label lists differ", StringComparison.Ordinal), Timeout), station.ReadLog());
    }

    [Fact]
    public async Task Model_SameIdOtherBytes_SwappedAndBothHashesLogged()
    {
        var model = StationConfig.CopyModel(_models, "rebuilt");
        await using var station = await RunningStation.StartAsync(StationConfig.With(modelPath: model));
        var classifier = station.Get<SwappableClassifier>();
        var before = classifier.Model;
        Assert.True(await RunningStation.EventuallyAsync(() => station.Records.Count >= 3, Timeout));

        // Another build under the same name@version: the int8 file of the shipped model.
        File.Copy(Path.Combine(Path.GetDirectoryName(model)!, "model.int8.onnx"), model + ".tmp");
        File.Move(model + ".tmp", model, overwrite: true);

        Assert.True(await RunningStation.EventuallyAsync(() => classifier.Swaps >= 1, Timeout), "the rebuilt model was not swapped in");
        Assert.Equal(before.Id, classifier.Model.Id);
        Assert.NotEqual(before.ContentHash, classifier.Model.ContentHash);
        Assert.True(
            await RunningStation.EventuallyAsync(() => station.ReadLog().Contains($"(sha256 {before.ContentHash}) → {before.Id} (sha256 {classifier.Model.ContentHash}): same name and version, other content", StringComparison.Ordinal), Timeout),
            station.ReadLog());
    }
}
