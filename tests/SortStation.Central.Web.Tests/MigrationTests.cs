using SortStation.Central.Queries;
using SortStation.Central.Storage;
using SortStation.Central.Web.Tests.Support;

namespace SortStation.Central.Web.Tests;

/// <summary>Migrations 003 and 005 on a database that already holds weighings: the rollups are filled from them, on both stores.</summary>
public sealed class MigrationTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public async Task Migrate_ExistingWeighings_RollupsBackfilledSummaryEqualsSql()
    {
        using var db = ConsoleDatabase.Sqlite(_dir);
        await MigrateAndCompareAsync(db);
    }

    [PostgresFact]
    public async Task Migrate_ExistingWeighingsOnPostgres_RollupsBackfilledSummaryEqualsSql()
    {
        using var server = PostgresServer.Start();
        using var db = ConsoleDatabase.Postgres(server);
        await MigrateAndCompareAsync(db);
    }

    private static async Task MigrateAndCompareAsync(ConsoleDatabase db)
    {
        await ApplyBefore003Async(db.Dialect);
        var now = DateTimeOffset.UtcNow;
        var records = SeededWeighings.Create(800, 3, now.AddDays(-5), now.AddMinutes(-1)).ToList();
        await InsertRowsOnlyAsync(db.Dialect, records);

        Assert.Equal(Migrator.Scripts(db.Dialect.Name).Count(s => s.Version >= 3), await new SqlWeighingStore(db.Dialect, TimeProvider.System).MigrateAsync(default));

        var (from, to) = (now.AddDays(-6).AddMinutes(-13), now);
        var summary = await new SummaryQueries(db.Dialect).SummaryAsync(from, to, "IDR", default);
        foreach (var (column, rows) in new[] { ("label", summary.PerLabel), ("station_id", summary.PerStation), ("bin", summary.PerBin) })
        {
            var expected = await IndependentSql.GroupAsync(db, column, from, to);
            Assert.Equal(expected.Select(l => (l.Key, l.Items, Math.Round(l.WeightKg, 4), Math.Round(l.Value, 2))).OrderBy(l => l.Key), rows.Select(l => (l.Key, l.Items, Math.Round(l.WeightKg, 4), Math.Round(l.Value, 2))).OrderBy(l => l.Key));
        }

        Assert.Equal(records.Count, summary.Totals.Items);
        Assert.Equal(records.Count, summary.Hourly.Sum(h => h.Items));
    }

    public void Dispose() => _dir.Dispose();

    private static async Task ApplyBefore003Async(ISqlDialect dialect)
    {
        await using var connection = await dialect.OpenAsync(default);
        foreach (var (version, name, sql) in Migrator.Scripts(dialect.Name).Where(s => s.Version < 3))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql + $"; CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_ms BIGINT NOT NULL); INSERT INTO schema_version VALUES ({version}, '{name}', 0)";
            await command.ExecuteNonQueryAsync();
        }
    }

    // As a central before this issue stored them: rows only, no rollup.
    private static async Task InsertRowsOnlyAsync(ISqlDialect dialect, IEnumerable<Contracts.WeighingRecord> records)
    {
        await using var connection = await dialect.OpenAsync(default);
        foreach (var r in records)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO weighings VALUES (@id, @st, @ts, @lb, 0.9, '[]', @kg, NULL, @v, @cu, @bn, @rs, 'm', 0)";
            foreach (var (name, value) in new (string, object?)[] { ("@id", r.ItemId), ("@st", r.StationId), ("@ts", r.Timestamp.ToUnixTimeMilliseconds()), ("@lb", r.Label), ("@kg", r.WeightKg), ("@v", r.Value is { } v ? (double)v : null), ("@cu", r.Currency), ("@bn", r.Bin), ("@rs", r.Reason) })
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                p.Value = value ?? DBNull.Value;
                command.Parameters.Add(p);
            }

            await command.ExecuteNonQueryAsync();
        }
    }
}
