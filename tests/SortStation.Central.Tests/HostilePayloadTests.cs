using System.Runtime.Versioning;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using SortStation.Central.Hosting;
using SortStation.Central.Ingest;
using SortStation.Central.Storage;
using SortStation.Central.Tests.Support;
using SortStation.Contracts;
using SortStation.Operations;

namespace SortStation.Central.Tests;

/// <summary>
/// The hostile weighings of issue 20, sent by a provisioned station through the shipped broker configuration:
/// each is rejected and counted by reason (database, stats --json, /metrics), logged escaped, and the valid
/// weighings are stored exactly once.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class HostilePayloadTests : IDisposable
{
    private readonly SecureFleet _fleet = new();

    public void Dispose() => _fleet.Dispose();

    [Fact]
    public async Task Ingest_HostilePayloads_RejectedAndCountedValidStoredOnce()
    {
        Assert.Equal(0, await _fleet.AddStationAsync("station-01"));
        var now = DateTimeOffset.UtcNow;
        var valid = Enumerable.Range(0, 20).Select(i => TestRecords.Create(i, "station-01", timestamp: now.AddMilliseconds(i))).ToList();
        var hostile = new (WeighingRecord Record, string Reason)[]
        {
            (valid[0] with { ItemId = TestRecords.NewId(), Timestamp = DateTimeOffset.MinValue }, RejectReason.TimestampTooOld),
            (valid[0] with { ItemId = TestRecords.NewId(), Timestamp = DateTimeOffset.UnixEpoch }, RejectReason.TimestampTooOld),
            (valid[0] with { ItemId = TestRecords.NewId(), Timestamp = now.AddHours(1) }, RejectReason.TimestampFuture),
            (valid[0] with { ItemId = TestRecords.NewId(), Timestamp = now.AddDays(-1) }, RejectReason.TimestampBeforeRegistration),
            (valid[0] with { ItemId = TestRecords.NewId(), Top = [new LabelScore(new string('x', 5000), 0.9)] }, RejectReason.Top),
            (valid[0] with { ItemId = TestRecords.NewId(), WeightKg = 0.001, UnitPrice = 1, Value = 999_999_999_999m }, RejectReason.ValueMismatch),
            (valid[0] with { ItemId = TestRecords.NewId(), Label = "metal\u001b[2J\u001b[31m" }, RejectReason.ControlCharacters),
            (valid[0] with { ItemId = TestRecords.NewId(), Label = "metal\r\n[14:00:00 INF] all good" }, RejectReason.ControlCharacters),
        };
        using var host = await CentralHosts.StartAsync(_fleet.CentralSettings());
        using (var station = await SecureClient.ConnectAsync(_fleet.Broker, "station-01", _fleet.PasswordOf("station-01")))
        {
            foreach (var record in valid.Concat(valid.Take(5)))
            {
                Assert.True((await station.PublishAsync(TestRecords.Topic("station-01"), TestRecords.Json(record))).IsSuccess);
            }

            foreach (var (record, _) in hostile)
            {
                Assert.True((await station.PublishAsync(TestRecords.Topic("station-01"), TestRecords.Json(record))).IsSuccess);
            }
        }

        // A broker account that central never registered (added by hand): the broker lets it in, central does not.
        _fleet.Broker.AddAccount("station-09", "hand-made-password");
        _fleet.Broker.Reload();
        using (var unregistered = await ConnectWhenReloadedAsync("station-09", "hand-made-password"))
        {
            Assert.True((await unregistered.PublishAsync(TestRecords.Topic("station-09"), TestRecords.Json(TestRecords.Create(1, "station-09", timestamp: now)))).IsSuccess);
        }

        var pipeline = host.Services.GetRequiredService<IngestPipeline>();
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(pipeline.Stored + pipeline.Duplicates + pipeline.Malformed == 25 + hostile.Length + 1), TimeSpan.FromSeconds(30)));
        var expected = hostile.Select(h => h.Reason).Append(RejectReason.UnregisteredStation).GroupBy(r => r).ToDictionary(g => g.Key, g => (long)g.Count());
        var stats = await host.Services.GetRequiredService<IWeighingStore>().ReadStatsAsync(default);
        Assert.Equal((20L, 5L), (stats.Stored, stats.DuplicatesDropped));
        Assert.Equal(expected, stats.RejectedByReason);
        using var metrics = new MemoryStream();
        await host.Services.GetRequiredService<PrometheusMeterExporter>().WriteAsync(metrics, default);
        Assert.Contains("sortstation_central_rejected_total{reason=\"control-characters\"} 2", System.Text.Encoding.UTF8.GetString(metrics.ToArray()), StringComparison.Ordinal);
        var health = await host.Services.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>().CheckHealthAsync(default);
        Assert.Equal(["broker", "ingest", "recluster"], health.Entries.Keys);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, health.Status);
        Assert.Contains("20 stored", health.Entries["ingest"].Description, StringComparison.Ordinal);
        await host.StopAsync();

        // Persisted: another process reads the same counts.
        using var json = JsonDocument.Parse(await StatsJsonAsync());
        var reasons = json.RootElement.GetProperty("rejectedByReason").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        Assert.Equal(expected, reasons);

        // The journal never received the ESC or the CRLF of a label.
        var log = string.Concat(Directory.GetFiles(_fleet.Dir.File("logs")).Select(File.ReadAllText));
        Assert.Contains(@"metal\u001b[2J", log, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', log);
        Assert.DoesNotContain("\r\n[14:00:00 INF] all good", log, StringComparison.Ordinal);
    }

    private async Task<IMqttClient> ConnectWhenReloadedAsync(string user, string password)
    {
        // SIGHUP is handled by mosquitto's main loop, a moment after kill returns.
        for (var attempt = 0; ; attempt++)
        {
            if (await SecureClient.RefusalAsync(_fleet.Broker, user, password) == string.Empty || attempt == 50)
            {
                return await SecureClient.ConnectAsync(_fleet.Broker, user, password);
            }

            await Task.Delay(100);
        }
    }

    private async Task<string> StatsJsonAsync()
    {
        var config = _fleet.Dir.File("stats.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new { Storage = new { SqlitePath = _fleet.Database } }));
        var (code, stdout, _) = await Cli.RunAsync("stats", "--json", "--config", config);
        Assert.Equal(0, code);
        return stdout;
    }
}
