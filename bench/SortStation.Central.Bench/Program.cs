using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using SortStation.Central.Bench;
using SortStation.Central.Hosting;
using SortStation.Central.Ingest;
using SortStation.Central.Options;
using SortStation.Central.Stations;
using SortStation.Central.Storage;
using SortStation.Testing;

// Usage (from the repository root): dotnet run -c Release --project bench/SortStation.Central.Bench --
//        [count (default 50000)] [out (default bench/results/central-ingest.json)]
// Scenario "ingest": weighings/s into SQLite (WAL, synchronous=FULL) through the real service path:
// 4 station clients → mosquitto (QoS 1) → $share subscription → validate → batch insert → commit → PUBACK.
// Scenario "store": the same validate + store path without the broker, batches of 1000.
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
var output = args.Length > 1 ? args[1] : Path.Combine("bench", "results", "central-ingest.json");
var temp = Directory.CreateTempSubdirectory("sortstation-central-bench-").FullName;
const int Stations = 4;

// 1. Through the broker.
using var broker = MosquittoBroker.Run();
var messages = BenchRecords.Create(count, Stations);
double brokerRate;
using (var host = CentralHostBuilder.Build(null, new Dictionary<string, string?>
{
    ["Mqtt:Broker"] = broker.Uri.ToString(),
    ["Storage:SqlitePath"] = Path.Combine(temp, "broker.db"),
    ["Clustering:Enabled"] = "false",
    ["Web:Enabled"] = "false", // ingest alone; the console has its own benchmark
    ["Serilog:MinimumLevel:Default"] = "Warning",
    ["Serilog:WriteTo:1:Args:path"] = Path.Combine(temp, "logs", "central-.log"),
}))
{
    await host.StartAsync();
    var pipeline = host.Services.GetRequiredService<IngestPipeline>();
    // Until the first subscription exists the broker has nobody to keep weighings for.
    var ingest = host.Services.GetRequiredService<MqttIngestService>();
    while (!ingest.IsSubscribed)
    {
        await Task.Delay(10);
    }

    var started = TimeProvider.System.GetTimestamp();
    await Task.WhenAll(Enumerable.Range(0, Stations).Select(s => PublishAsync(messages.Where((_, i) => i % Stations == s).ToList(), $"bench-station-{s}")));
    // A stall (no progress for 30 s) is reported instead of hanging the benchmark.
    var (last, lastChange) = (-1L, TimeProvider.System.GetTimestamp());
    while (pipeline.Stored < count)
    {
        await Task.Delay(10);
        if (pipeline.Stored != last)
        {
            (last, lastChange) = (pipeline.Stored, TimeProvider.System.GetTimestamp());
        }
        else if (TimeProvider.System.GetElapsedTime(lastChange) > TimeSpan.FromSeconds(30))
        {
            Console.Error.WriteLine($"stalled: {pipeline.Stored} of {count} stored, no progress for 30 s");
            return 1;
        }
    }

    brokerRate = count / TimeProvider.System.GetElapsedTime(started).TotalSeconds;
    await host.StopAsync();
}

// 2. Validate + store only, batches of 1000 as the service commits them.
double storeRate;
using (var dialect = new SqliteDialect(Path.Combine(temp, "store.db")))
{
    var store = new SqlWeighingStore(dialect, TimeProvider.System);
    await store.MigrateAsync(CancellationToken.None);
    var stations = new StationRegistry(new SqlStationStore(dialect), TimeProvider.System);
    var validator = new WeighingValidator(TimeProvider.System, new CentralOptions(), "sortstation", stations);
    var pipeline = new IngestPipeline(store, validator, stations, new MalformedLog(TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<MalformedLog>.Instance));
    var incoming = BenchRecords.Create(count, Stations).Select(m => new IncomingMessage(m.Topic, m.Payload)).ToList();
    var started = TimeProvider.System.GetTimestamp();
    foreach (var batch in incoming.Chunk(1000))
    {
        await pipeline.ProcessAsync(batch, CancellationToken.None);
    }

    storeRate = count / TimeProvider.System.GetElapsedTime(started).TotalSeconds;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"central ingest into SQLite: {brokerRate:F0} weighings/s from mosquitto (QoS 1, ack after commit), {storeRate:F0} weighings/s validate+store only; {count} weighings, {Environment.ProcessorCount} cores"));
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, JsonSerializer.Serialize(new
{
    scenario = "central-ingest",
    weighings = count,
    stations = Stations,
    cores = Environment.ProcessorCount,
    storage = "sqlite wal synchronous=full",
    brokerWeighingsPerSecond = Math.Round(brokerRate),
    validateStoreWeighingsPerSecond = Math.Round(storeRate),
    measuredAt = TimeProvider.System.GetUtcNow(),
}, new JsonSerializerOptions { WriteIndented = true }));
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(temp, recursive: true);
return 0;

async Task PublishAsync(List<(string Topic, byte[] Payload)> batch, string clientId)
{
    using var client = new MqttClientFactory().CreateMqttClient();
    await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).WithClientId(clientId).WithProtocolVersion(MqttProtocolVersion.V500).Build());
    foreach (var window in batch.Chunk(500))
    {
        var results = await Task.WhenAll(window.Select(m => client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(m.Topic).WithPayload(m.Payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build())));
        if (results.FirstOrDefault(r => !r.IsSuccess) is { } refused)
        {
            throw new InvalidOperationException($"broker refused a publish: {refused.ReasonCode} {refused.ReasonString}");
        }
    }

    await client.DisconnectAsync();
}
