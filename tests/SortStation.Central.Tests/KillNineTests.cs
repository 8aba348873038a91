using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using SortStation.Central.Storage;
using SortStation.Central.Tests.Support;

namespace SortStation.Central.Tests;

/// <summary>The real service process killed with SIGKILL mid-stream and started again: every weighing ends up stored once.</summary>
public sealed class KillNineTests : IDisposable
{
    // Debug logging: the broker writes every PUBLISH it sends and every PUBACK it gets back.
    private readonly BrokerAndFolder _env = new(MosquittoBroker.Run(extraLines: ["log_type debug"]));

    public void Dispose() => _env.Dispose();

    [Fact]
    public async Task Run_KilledMidStreamAndRestarted_StoresEveryWeighingOnce()
    {
        var db = _env.Dir.File("central.db");
        var config = _env.Dir.File("central.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            Central = new { InstanceId = "central-kill" },
            Mqtt = new { Broker = _env.Broker.Uri.ToString(), ReconnectMinSeconds = 0.2, ReconnectMaxSeconds = 1 },
            Storage = new { SqlitePath = db },
            Clustering = new { Enabled = false },
            Web = new { Urls = "http://127.0.0.1:0" },
        }));
        var records = Enumerable.Range(0, 20_000).Select(i => TestRecords.Create(i)).ToList();
        using var dialect = new SqliteDialect(db);
        var store = new SqlWeighingStore(dialect, TimeProvider.System);
        async Task<long> Stored() => File.Exists(db) ? await TryStoredAsync(store) : 0;

        var first = StationProcess.StartCentral(_env.Dir.Path, config);
        // The first start creates the subscription; anything published before it has no subscriber.
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(Logs().Contains("subscribed to", StringComparison.Ordinal)), TimeSpan.FromSeconds(30)), Logs());
        await using var publisher = await StationClient.ConnectAsync(_env.Broker.Uri);
        var publishing = publisher.PublishAsync(records.Select(r => (TestRecords.Topic(), TestRecords.Json(r))), window: 100);
        Assert.True(await Eventually.TrueAsync(async () => await Stored() >= 2_000, TimeSpan.FromSeconds(60)), "the service stored nothing");
        first.KillHard();
        var atKill = await Stored();
        first.Dispose();
        await publishing;
        Assert.True(atKill < records.Count, "the kill came too late to test anything");

        using (var second = StationProcess.StartCentral(_env.Dir.Path, config))
        {
            Assert.True(await Eventually.TrueAsync(async () => await Stored() >= records.Count, TimeSpan.FromSeconds(90)), $"stored {await Stored()} of {records.Count}, killed at {atKill}; missing {await MissingAsync(dialect, records)}; {Logs()}");
            // The broker's own record of acknowledgements (not a sleep): kill only once it holds none in flight to central.
            Assert.True(await Eventually.TrueAsync(() => Task.FromResult(InFlightToCentral() == 0), TimeSpan.FromSeconds(30)), $"{InFlightToCentral()} weighings unacknowledged");
            second.KillHard();
        }

        // Everything was acknowledged: a third start gets no re-deliveries (none left holding receive-maximum slots).
        var duplicates = (await store.ReadStatsAsync(default)).DuplicatesDropped;
        using var third = StationProcess.StartCentral(_env.Dir.Path, config);
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(CountOf(Logs(), "subscribed to") >= 3), TimeSpan.FromSeconds(30)));
        // The broker sends a resumed session's re-deliveries before a message published after the reconnect.
        // The sentinel: a QoS 0 weighing (never delivered again) published after the reconnect comes after any re-delivery.
        await PublishSentinelAsync(records.Count);
        Assert.True(await Eventually.TrueAsync(async () => await Stored() >= records.Count + 1, TimeSpan.FromSeconds(30)), "the sentinel was not stored");
        var stats = await store.ReadStatsAsync(default);
        Assert.Equal((records.Count + 1, duplicates, 0L), (stats.Stored, stats.DuplicatesDropped, stats.MalformedRejected));
    }

    private async Task PublishSentinelAsync(int index)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(_env.Broker.Uri.Host, _env.Broker.Port).WithClientId($"sentinel-{index}").Build());
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(TestRecords.Topic()).WithPayload(TestRecords.Json(TestRecords.Create(index)))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce).Build());
        await client.DisconnectAsync();
    }

    /// <summary>QoS 1 PUBLISHes the broker sent to central since its last connect, less the PUBACKs it got back.</summary>
    private int InFlightToCentral()
    {
        var log = _env.Broker.Log;
        var since = log.LastIndexOf(" as central-kill ", StringComparison.Ordinal);
        var lines = (since < 0 ? log : log[since..]).Split('\n');
        return lines.Count(l => l.Contains("Sending PUBLISH to central-kill (d", StringComparison.Ordinal) && l.Contains(", q1,", StringComparison.Ordinal))
            - lines.Count(l => l.Contains("Received PUBACK from central-kill ", StringComparison.Ordinal));
    }

    private static async Task<string> MissingAsync(SqliteDialect dialect, List<Contracts.WeighingRecord> records)
    {
        await using var connection = await dialect.OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT item_id FROM weighings";
        var stored = new HashSet<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored.Add(reader.GetString(0));
            }
        }

        var missing = records.Select((r, i) => (r, i)).Where(x => !stored.Contains(x.r.ItemId)).Select(x => x.i).ToList();
        return missing.Count == 0 ? "none" : $"{missing.Count} between index {missing.Min()} and {missing.Max()}: {string.Join(',', missing.Take(20))}";
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    private string Logs() => string.Join('\n', Directory.GetFiles(_env.Dir.Path, "*.log", SearchOption.AllDirectories).Select(ReadShared)) + _env.Broker.Log;

    // The service still writes the log: open it shared.
    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task<long> TryStoredAsync(SqlWeighingStore store)
    {
        try
        {
            return (await store.ReadStatsAsync(default)).Stored;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // not migrated yet
        }
    }
}
