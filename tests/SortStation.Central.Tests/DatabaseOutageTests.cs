using Microsoft.Extensions.Logging.Abstractions;
using SortStation.Central.Ingest;
using SortStation.Central.Options;
using SortStation.Central.Tests.Support;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace SortStation.Central.Tests;

/// <summary>A failing commit is retried with back-off; nothing is acknowledged until it succeeds, nothing is lost.</summary>
public sealed class DatabaseOutageTests : IDisposable
{
    private readonly MosquittoBroker _broker = MosquittoBroker.Run();

    public void Dispose() => _broker.Dispose();

    [Fact]
    public async Task Ingest_CommitFailsThreeTimes_RetriesAndStoresEveryWeighing()
    {
        var store = new FlakyStore(failures: 3);
        var mqtt = new CentralMqttOptions { Broker = _broker.Uri.ToString(), ReconnectMinSeconds = 0.05, ReconnectMaxSeconds = 0.2 };
        var pipeline = Pipelines.Create(store);
        using var service = new MqttIngestService(MsOptions.Create(mqtt), MsOptions.Create(new CentralOptions { InstanceId = "central-outage" }), pipeline, TimeProvider.System, NullLogger<MqttIngestService>.Instance);
        await service.StartAsync(default);
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(service.IsSubscribed), TimeSpan.FromSeconds(10)));

        var records = Enumerable.Range(0, 500).Select(i => TestRecords.Create(i)).ToList();
        await using (var publisher = await StationClient.ConnectAsync(_broker.Uri))
        {
            await publisher.PublishAsync(records.Select(r => (TestRecords.Topic(), TestRecords.Json(r))));
        }

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(store.Count == records.Count), TimeSpan.FromSeconds(30)), $"stored {store.Count}");
        Assert.Equal(3, store.FailedCommits);
        await service.StopAsync(default);
    }
}
