using Microsoft.Data.Sqlite;
using SortStation.Telemetry.Tests.Support;

namespace SortStation.Telemetry.Tests;

/// <summary>The real station process killed with SIGKILL while its broker is down: every committed weighing still arrives.</summary>
public sealed class KillNineTests : IDisposable
{
    private const int CommittedBeforeKill = 25;
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Restart_AfterKillNine_DeliversEveryWeighingCommittedBeforeTheKill()
    {
        using var broker = MosquittoBroker.Create(); // down during the first run
        var outbox = _dir.File("outbox.db");
        var settings = new Dictionary<string, string>
        {
            ["Station:Id"] = "kill9",
            ["Model:Path"] = StationProcess.ModelPath(),
            ["Simulation:Items"] = "0",
            ["Simulation:ItemIntervalMilliseconds"] = "20",
            ["Outbox:Path"] = outbox,
            ["Mqtt:Broker"] = broker.Uri.ToString(),
            ["Mqtt:TopicPrefix"] = "kill9",
            ["Mqtt:ReconnectMinSeconds"] = "0.2",
            ["Mqtt:ReconnectMaxSeconds"] = "1",
        };

        using (var first = StationProcess.Start(_dir.Path, settings))
        {
            Assert.True(await Eventually.TrueAsync(() => first.HasExited || Count(outbox) >= CommittedBeforeKill, TimeSpan.FromSeconds(90)), "the station committed nothing");
            Assert.False(first.HasExited, "the station exited on its own");
            first.KillHard();
        }

        var committed = ItemIds(outbox);
        Assert.True(committed.Count >= CommittedBeforeKill);

        broker.Start();
        await using var subscriber = await TestSubscriber.StartAsync(broker.Uri, "kill9-consumer", "kill9/+/weighing");
        settings["Simulation:Items"] = "3";
        using var second = StationProcess.Start(_dir.Path, settings);

        var delivered = await Eventually.TrueAsync(() => committed.IsSubsetOf(subscriber.ItemIds), TimeSpan.FromSeconds(90));

        Assert.True(delivered, $"{committed.Except(subscriber.ItemIds).Count()} of {committed.Count} committed weighings never arrived");
    }

    private static long Count(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        try
        {
            using var db = Open(path);
            using var count = db.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM outbox;";
            return (long)count.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0; // table not created yet
        }
    }

    private static HashSet<string> ItemIds(string path)
    {
        using var db = Open(path);
        using var select = db.CreateCommand();
        select.CommandText = "SELECT item_id FROM outbox;";
        using var reader = select.ExecuteReader();
        var ids = new HashSet<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static SqliteConnection Open(string path)
    {
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        db.Open();
        return db;
    }
}
