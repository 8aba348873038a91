using Npgsql;
using SortStation.Central.Storage;
using SortStation.Contracts;

namespace SortStation.Central.Web.Tests.Support;

/// <summary>
/// The database behind one console under test: a SQLite file in a temp folder, or a fresh database on a real
/// PostgreSQL server. Seeds through the real store (so the rollup is kept as ingest keeps it) and gives the tests
/// a connection of their own for the independent SQL.
/// </summary>
public sealed class ConsoleDatabase : IDisposable
{
    private ConsoleDatabase(string provider, Dictionary<string, string?> storage, ISqlDialect dialect)
    {
        Provider = provider;
        Storage = storage;
        Dialect = dialect;
    }

    public string Provider { get; }

    public Dictionary<string, string?> Storage { get; }

    public ISqlDialect Dialect { get; }

    public static ConsoleDatabase Sqlite(TempDir dir)
    {
        var path = dir.File("central.db");
        return new ConsoleDatabase("sqlite", new() { ["Storage:Provider"] = "Sqlite", ["Storage:SqlitePath"] = path }, new SqliteDialect(path));
    }

    public static ConsoleDatabase Postgres(PostgresServer server)
    {
        var name = $"console_{Guid.NewGuid():N}";
        using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            admin.Open();
            using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE {name}";
            create.ExecuteNonQuery();
        }

        var connection = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ToString();
        return new ConsoleDatabase("postgres", new() { ["Storage:Provider"] = "Postgres", ["Storage:PostgresConnectionString"] = connection }, new PostgresDialect(connection, null));
    }

    public async Task SeedAsync(IEnumerable<WeighingRecord> records)
    {
        var store = new SqlWeighingStore(Dialect, TimeProvider.System);
        await store.MigrateAsync(default);
        foreach (var batch in records.Chunk(1000))
        {
            await store.StoreAsync(batch, RejectionCounts.None, default);
        }
    }

    public void Dispose() => Dialect.Dispose();
}
