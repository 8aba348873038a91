using Microsoft.Extensions.DependencyInjection;
using SortStation.Central.Ingest;
using SortStation.Central.Storage;
using SortStation.Central.Tests.Support;

namespace SortStation.Central.Tests;

/// <summary>Central stopped mid-stream (no unsubscribe) and started again: the persistent session, QoS 1 and ack-after-commit lose nothing.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly BrokerAndFolder _env = new();

    public void Dispose() => _env.Dispose();

    [Fact]
    public async Task Run_StoppedMidStreamAndRestarted_StoresEveryWeighing()
    {
        var settings = CentralHosts.Settings(_env.Broker.Uri, _env.Dir.File("central.db"));
        var records = Enumerable.Range(0, 6_000).Select(i => TestRecords.Create(i)).ToList();
        var first = await CentralHosts.StartAsync(settings);
        await using var publisher = await StationClient.ConnectAsync(_env.Broker.Uri);
        var publishing = publisher.PublishAsync(records.Select(r => (TestRecords.Topic(), TestRecords.Json(r))), window: 50);

        // Let it store part of the stream, then stop it while the stations keep publishing.
        var pipeline = first.Services.GetRequiredService<IngestPipeline>();
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(pipeline.Stored >= 1_000), TimeSpan.FromSeconds(60)));
        await first.StopAsync();
        first.Dispose();
        var storedBeforeRestart = pipeline.Stored;
        await publishing;
        Assert.True(storedBeforeRestart < records.Count, "the stop came too late to test anything");

        using var second = await CentralHosts.StartAsync(settings);
        var store = second.Services.GetRequiredService<IWeighingStore>();
        Assert.True(await Eventually.TrueAsync(async () => (await store.ReadStatsAsync(default)).Stored >= records.Count, TimeSpan.FromSeconds(60)), $"stored {(await store.ReadStatsAsync(default)).Stored} of {records.Count}");
        var stats = await store.ReadStatsAsync(default);
        Assert.Equal(records.Count, stats.Stored);
        Assert.Equal(0, stats.MalformedRejected);
        await second.StopAsync();
    }
}
