using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SortStation.Contracts;
using SortStation.Core.Options;
using SortStation.Outbox;
using SortStation.Telemetry;
using SortStation.Telemetry.Bench;
using SortStation.Testing;

// Usage (from the repository root): dotnet run -c Release --project bench/SortStation.Telemetry.Bench --
//        [--seconds 15] [--backlog 100000] [--max-in-flight 256] [--producers 64] [--out bench/SortStation.Telemetry.Bench/results/telemetry.json]
// Measures the durable path only: SQLite outbox (WAL, synchronous=FULL) → MQTT v5 QoS 1 → local mosquitto PUBACK.
var options = BenchOptions.Parse(args);
var temp = Directory.CreateTempSubdirectory("sortstation-telemetry-bench-").FullName;
using var broker = MosquittoBroker.Run();
var mosquittoVersion = "mosquitto (scripts/mosquitto/test.conf, max_inflight_messages 1000)";
Console.WriteLine($"broker: {mosquittoVersion} on {broker.Uri}; {Environment.ProcessorCount} cores; Mqtt:MaxInFlight {options.MaxInFlight}");

// 1. Sustained: producers enqueue as fast as durable commits allow while the publisher drains.
double sustainedEnqueued, sustainedPublished;
long backlogAtEnd;
using (var outbox = Outbox(Path.Combine(temp, "sustained.db")))
using (var publisher = Publisher(outbox, "sustained"))
{
    await publisher.StartAsync(CancellationToken.None);
    await WarmUpAsync(outbox);
    using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds));
    var enqueued = 0L;
    var ackStart = publisher.Acknowledged;
    var started = TimeProvider.System.GetTimestamp();
    var producers = Enumerable.Range(0, options.Producers).Select(p => Task.Run(async () =>
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            await outbox.EnqueueAsync(Record($"s{p}-{i}"));
            Interlocked.Increment(ref enqueued);
        }
    })).ToArray();
    await Task.WhenAll(producers);
    var elapsed = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
    sustainedEnqueued = enqueued / elapsed;
    sustainedPublished = (publisher.Acknowledged - ackStart) / elapsed;
    backlogAtEnd = outbox.Pending;
    await publisher.StopAsync(CancellationToken.None);
}

Console.WriteLine(Inv($"sustained enqueue (durable commits, {options.Producers} producers): {sustainedEnqueued:F0} weighings/s"));
Console.WriteLine(Inv($"sustained publish outbox → mosquitto (QoS 1 PUBACK): {sustainedPublished:F0} weighings/s over {options.Seconds} s (backlog at end {backlogAtEnd})"));

// 2. Backlog: the broker was away while the outbox filled; how long to drain it?
double fillSeconds, drainSeconds;
using (var outbox = Outbox(Path.Combine(temp, "backlog.db")))
{
    var fillStart = TimeProvider.System.GetTimestamp();
    for (var i = 0; i < options.Backlog; i += 1000)
    {
        await Task.WhenAll(Enumerable.Range(i, Math.Min(1000, options.Backlog - i)).Select(n => outbox.EnqueueAsync(Record($"b-{n}")).AsTask()));
    }

    fillSeconds = TimeProvider.System.GetElapsedTime(fillStart).TotalSeconds;
    using var publisher = Publisher(outbox, "backlog");
    var drainStart = TimeProvider.System.GetTimestamp();
    await publisher.StartAsync(CancellationToken.None);
    await outbox.WaitUntilDrainedAsync();
    drainSeconds = TimeProvider.System.GetElapsedTime(drainStart).TotalSeconds;
    await publisher.StopAsync(CancellationToken.None);
}

Console.WriteLine(Inv($"backlog of {options.Backlog} filled in {fillSeconds:F1} s ({options.Backlog / fillSeconds:F0} weighings/s durable enqueue)"));
Console.WriteLine(Inv($"backlog of {options.Backlog} drained in {drainSeconds:F1} s ({options.Backlog / drainSeconds:F0} weighings/s)"));

var result = new BenchResult(
    $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}",
    mosquittoVersion, options.MaxInFlight, options.Producers, options.Seconds,
    Math.Round(sustainedEnqueued), Math.Round(sustainedPublished), backlogAtEnd,
    options.Backlog, Math.Round(fillSeconds, 2), Math.Round(drainSeconds, 2), Math.Round(options.Backlog / drainSeconds));
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Output))!);
await File.WriteAllTextAsync(options.Output, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
Console.WriteLine($"results: {options.Output}");
Directory.Delete(temp, recursive: true);
return 0;

SqliteOutboxStore Outbox(string path) =>
    new(new OutboxOptions { Path = path, MaxRows = 10_000_000, MaxBytes = 0 }, NullLogger<SqliteOutboxStore>.Instance);

MqttPublisher Publisher(IOutboxStore outbox, string prefix) => new(
    outbox,
    Options.Create(new MqttOptions { Broker = broker.Uri.ToString(), TopicPrefix = "bench", ClientId = "bench-" + prefix, MaxInFlight = options.MaxInFlight }),
    Options.Create(new StationOptions { Id = "bench" }),
    TimeProvider.System,
    NullLogger<MqttPublisher>.Instance);

static async Task WarmUpAsync(IOutboxStore outbox)
{
    await Task.WhenAll(Enumerable.Range(0, 2000).Select(n => outbox.EnqueueAsync(Record($"w-{n}")).AsTask()));
    await outbox.WaitUntilDrainedAsync();
}

static WeighingRecord Record(string id) => Weighings.Create(id, "bench", DateTimeOffset.UnixEpoch);

static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
