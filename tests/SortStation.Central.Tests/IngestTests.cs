using Microsoft.Extensions.DependencyInjection;
using SortStation.Central.Ingest;
using SortStation.Central.Storage;
using SortStation.Central.Tests.Support;

namespace SortStation.Central.Tests;

/// <summary>The real path: mosquitto → shared subscription → validate → SQLite file.</summary>
public sealed class IngestTests : IDisposable
{
    private readonly BrokerAndFolder _env = new();

    public void Dispose() => _env.Dispose();

    [Fact]
    public async Task Run_10000WithDuplicatesAndMalformed_StoresDistinctValidOnesAndCounts()
    {
        var stations = new[] { "station-01", "station-02", "station-03" };
        var records = Enumerable.Range(0, 10_000).Select(i => TestRecords.Create(i, stations[i % 3])).ToList();
        var messages = records.Select(r => (TestRecords.Topic(r.StationId), TestRecords.Json(r))).ToList();
        // 10 % re-sent item ids (a station retrying after a lost PUBACK), 1 % malformed, interleaved.
        messages.AddRange(records.Where((_, i) => i % 10 == 0).Select(r => (TestRecords.Topic(r.StationId), TestRecords.Json(r))));
        messages.AddRange(Enumerable.Range(0, 100).Select(i => (TestRecords.Topic(stations[i % 3]), TestRecords.Malformed(i))));
        var shuffled = messages.OrderBy(_ => Random.Shared.Next()).ToList();

        using var host = await CentralHosts.StartAsync(CentralHosts.Settings(_env.Broker.Uri, _env.Dir.File("central.db")));
        var store = host.Services.GetRequiredService<IWeighingStore>();
        await using (var publisher = await StationClient.ConnectAsync(_env.Broker.Uri))
        {
            await publisher.PublishAsync(shuffled);
        }

        var pipeline = host.Services.GetRequiredService<IngestPipeline>();
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(pipeline.Stored + pipeline.Duplicates + pipeline.Malformed >= shuffled.Count), TimeSpan.FromSeconds(90)), $"processed {pipeline.Stored + pipeline.Duplicates + pipeline.Malformed} of {shuffled.Count}");
        var stats = await store.ReadStatsAsync(default);
        Assert.Equal((10_000L, 1_000L, 100L), (stats.Stored, stats.DuplicatesDropped, stats.MalformedRejected));
        Assert.Equal(stations, stats.PerStation.Select(s => s.Key));
        Assert.Equal(10_000, stats.PerStation.Sum(s => s.Weighings));
        await host.StopAsync();
    }

    [Fact]
    public async Task Run_TwoInstancesInOneGroup_SplitTheLoadWithoutDoubleStoring()
    {
        var db = _env.Dir.File("central.db");
        using var a = await CentralHosts.StartAsync(CentralHosts.Settings(_env.Broker.Uri, db, "central-a"));
        using var b = await CentralHosts.StartAsync(CentralHosts.Settings(_env.Broker.Uri, db, "central-b"));
        var records = Enumerable.Range(0, 2_000).Select(i => TestRecords.Create(i)).ToList();
        await using (var publisher = await StationClient.ConnectAsync(_env.Broker.Uri))
        {
            await publisher.PublishAsync(records.Select(r => (TestRecords.Topic(), TestRecords.Json(r))));
        }

        var pa = a.Services.GetRequiredService<IngestPipeline>();
        var pb = b.Services.GetRequiredService<IngestPipeline>();
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(pa.Stored + pb.Stored >= 2_000), TimeSpan.FromSeconds(60)));
        Assert.True(pa.Stored > 0 && pb.Stored > 0, $"a stored {pa.Stored}, b stored {pb.Stored}");
        Assert.Equal(0, pa.Duplicates + pb.Duplicates);
        await a.StopAsync();
        await b.StopAsync();
    }
}
