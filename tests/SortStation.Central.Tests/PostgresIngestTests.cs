using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SortStation.Central.Ingest;
using SortStation.Central.Storage;
using SortStation.Central.Tests.Support;

namespace SortStation.Central.Tests;

/// <summary>The service configured for PostgreSQL (Storage:Provider = Postgres) end to end: broker → migrations → store.</summary>
public sealed class PostgresIngestTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>, IDisposable
{
    private readonly TempDir _dir = new();
    private readonly MosquittoBroker _broker = MosquittoBroker.Run();

    public void Dispose()
    {
        _broker.Dispose();
        _dir.Dispose();
    }

    [PostgresFact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Run_PostgresProvider_StoresDistinctAndCountsDuplicates()
    {
        await using (var admin = NpgsqlDataSource.Create(fixture.Server.ConnectionString))
        await using (var create = admin.CreateCommand("CREATE DATABASE ingest"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var passwordFile = _dir.File("pg-password");
        await File.WriteAllTextAsync(passwordFile, "unused-with-trust-auth\n");
        File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite); // a secret: 0600 or central refuses it
        var settings = CentralHosts.Settings(_broker.Uri, _dir.File("unused.db"));
        settings["Storage:Provider"] = "Postgres";
        settings["Storage:PostgresConnectionString"] = new NpgsqlConnectionStringBuilder(fixture.Server.ConnectionString) { Database = "ingest" }.ToString();
        settings["Storage:PostgresPasswordFile"] = passwordFile;
        var records = Enumerable.Range(0, 2_000).Select(i => TestRecords.Create(i, $"station-0{i % 2}")).ToList();

        using var host = await CentralHosts.StartAsync(settings);
        await using (var publisher = await StationClient.ConnectAsync(_broker.Uri))
        {
            await publisher.PublishAsync(records.Concat(records.Take(200)).Select(r => (TestRecords.Topic(r.StationId), TestRecords.Json(r))));
        }

        var pipeline = host.Services.GetRequiredService<IngestPipeline>();
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(pipeline.Stored + pipeline.Duplicates >= 2_200), TimeSpan.FromSeconds(60)));
        var stats = await host.Services.GetRequiredService<IWeighingStore>().ReadStatsAsync(default);
        Assert.Equal((2_000L, 200L), (stats.Stored, stats.DuplicatesDropped));
        Assert.Equal(["station-00", "station-01"], stats.PerStation.Select(s => s.Key));
        await host.StopAsync();
    }
}
