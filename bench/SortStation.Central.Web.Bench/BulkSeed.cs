using System.Data.Common;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using SortStation.Central.Storage;
using SortStation.Contracts;

namespace SortStation.Central.Web.Bench;

/// <summary>
/// A million rows through the store's per-row inserts take minutes on PostgreSQL (one round trip each), so the
/// seed writes the rows in bulk (binary COPY; on SQLite, prepared inserts in large transactions) and then
/// rebuilds the rollups with migration 005's own backfill statements, the path a database upgraded from before
/// the console takes (MigrationTests holds it to the rows).
/// </summary>
internal static class BulkSeed
{
    public static async Task<int> WriteAsync(ISqlDialect dialect, IEnumerable<WeighingRecord> records, CancellationToken ct)
    {
        await using var connection = await dialect.OpenAsync(ct);
        var count = connection is NpgsqlConnection pg ? await CopyAsync(pg, records, ct) : await InsertAsync(connection, dialect, records, ct);
        await RebuildRollupsAsync(connection, dialect, ct);
        return count;
    }

    private static async Task<int> CopyAsync(NpgsqlConnection connection, IEnumerable<WeighingRecord> records, CancellationToken ct)
    {
        await using var import = await connection.BeginBinaryImportAsync(
            "COPY weighings (item_id, station_id, ts_ms, label, confidence, top_json, weight_kg, unit_price, value, currency, bin, reason, model, received_ms) FROM STDIN (FORMAT BINARY)", ct);
        var count = 0;
        foreach (var r in records)
        {
            await import.StartRowAsync(ct);
            await import.WriteAsync(r.ItemId, NpgsqlDbType.Char, ct);
            await import.WriteAsync(r.StationId, NpgsqlDbType.Varchar, ct);
            await import.WriteAsync(r.Timestamp.ToUnixTimeMilliseconds(), NpgsqlDbType.Bigint, ct);
            await import.WriteAsync(r.Label, NpgsqlDbType.Varchar, ct);
            await import.WriteAsync(r.Confidence, NpgsqlDbType.Double, ct);
            await import.WriteAsync(JsonSerializer.Serialize(r.Top, ContractJson.Options), NpgsqlDbType.Text, ct);
            await WriteNullableAsync(import, r.WeightKg, NpgsqlDbType.Double, ct);
            await WriteNullableAsync(import, r.UnitPrice, NpgsqlDbType.Numeric, ct);
            await WriteNullableAsync(import, r.Value, NpgsqlDbType.Numeric, ct);
            await WriteNullableAsync(import, r.Currency, NpgsqlDbType.Varchar, ct);
            await import.WriteAsync(r.Bin, NpgsqlDbType.Varchar, ct);
            await import.WriteAsync(r.Reason, NpgsqlDbType.Varchar, ct);
            await import.WriteAsync(r.Model, NpgsqlDbType.Varchar, ct);
            await import.WriteAsync(r.Timestamp.ToUnixTimeMilliseconds(), NpgsqlDbType.Bigint, ct);
            count++;
        }

        await import.CompleteAsync(ct);
        return count;
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter import, T? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is null)
        {
            await import.WriteNullAsync(ct);
        }
        else
        {
            await import.WriteAsync(value, type, ct);
        }
    }

    private static async Task<int> InsertAsync(DbConnection connection, ISqlDialect dialect, IEnumerable<WeighingRecord> records, CancellationToken ct)
    {
        var count = 0;
        foreach (var chunk in records.Chunk(50_000))
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO weighings VALUES (@id, @st, @ts, @lb, @cf, @tp, @kg, @up, @vl, @cu, @bn, @rs, @md, @rc)";
            foreach (var name in new[] { "@id", "@st", "@ts", "@lb", "@cf", "@tp", "@kg", "@up", "@vl", "@cu", "@bn", "@rs", "@md", "@rc" })
            {
                var p = insert.CreateParameter();
                p.ParameterName = name;
                insert.Parameters.Add(p);
            }

            foreach (var r in chunk)
            {
                object?[] values = [r.ItemId, r.StationId, r.Timestamp.ToUnixTimeMilliseconds(), r.Label, r.Confidence, JsonSerializer.Serialize(r.Top, ContractJson.Options), r.WeightKg, dialect.Money(r.UnitPrice), dialect.Money(r.Value), r.Currency, r.Bin, r.Reason, r.Model, r.Timestamp.ToUnixTimeMilliseconds()];
                for (var i = 0; i < values.Length; i++)
                {
                    insert.Parameters[i].Value = values[i] ?? DBNull.Value;
                }

                count += await insert.ExecuteNonQueryAsync(ct);
            }

            await tx.CommitAsync(ct);
        }

        return count;
    }

    private static async Task RebuildRollupsAsync(DbConnection connection, ISqlDialect dialect, CancellationToken ct)
    {
        var script = Migrator.Scripts(dialect.Name).Single(s => s.Version == 5).Sql;
        var backfills = script.Split(';')
            .Select(s => string.Join('\n', s.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(s => s.StartsWith("INSERT INTO weighing_", StringComparison.Ordinal)).ToList();
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var sql in new[] { "DELETE FROM weighing_spans", "DELETE FROM weighing_hours" }.Concat(backfills))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = sql;
            command.CommandTimeout = 600;
            await command.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
    }
}
