using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using SortStation.Central.Options;
using SortStation.Contracts;

namespace SortStation.Central.Storage;

/// <summary>
/// The one implementation of <see cref="IWeighingStore"/>: the SQL is portable (ON CONFLICT DO NOTHING,
/// GROUP BY), only connections and money values go through the <see cref="ISqlDialect"/>.
/// </summary>
public sealed class SqlWeighingStore(ISqlDialect dialect, TimeProvider time) : IWeighingStore
{
    private const string InsertSql =
        "INSERT INTO weighings (item_id, station_id, ts_ms, label, confidence, top_json, weight_kg, unit_price, value, currency, bin, reason, model, received_ms) "
        + "VALUES (@id, @st, @ts, @lb, @cf, @tp, @kg, @up, @vl, @cu, @bn, @rs, @md, @rc) ON CONFLICT (item_id) DO NOTHING";

    private static readonly string[] InsertParameters = ["@id", "@st", "@ts", "@lb", "@cf", "@tp", "@kg", "@up", "@vl", "@cu", "@bn", "@rs", "@md", "@rc"];

    public ISqlDialect Dialect => dialect;

    public Task<int> MigrateAsync(CancellationToken cancellationToken) => Migrator.ApplyAsync(dialect, time, cancellationToken);

    public async Task<StoreResult> StoreAsync(IReadOnlyList<WeighingRecord> records, RejectionCounts rejections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(rejections);
        var malformed = rejections.Total;
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = 0;
        var rollup = new RollupBatch();
        if (records.Count > 0)
        {
            await using var insert = SqlCommands.Create(connection, tx, InsertSql, InsertParameters);
            var received = time.GetUtcNow().ToUnixTimeMilliseconds();
            foreach (var r in records)
            {
                Bind(insert, r, received);
                if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
                {
                    inserted++;
                    rollup.Add(r);
                }
            }
        }

        await rollup.WriteAsync(connection, tx, dialect, cancellationToken);

        var duplicates = records.Count - inserted;
        await AddCounterAsync(connection, tx, "duplicates", duplicates, cancellationToken);
        await AddCounterAsync(connection, tx, "malformed", malformed, cancellationToken);
        foreach (var (reason, count) in rejections.ByReason)
        {
            await AddRejectionsAsync(connection, tx, reason, count, cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return new StoreResult(inserted, duplicates, malformed);
    }

    public async Task<IReadOnlyList<GroupTotal>> AggregateAsync(GroupBy groupBy, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var keys = groupBy == GroupBy.StationLabel ? "station_id, label" : "NULL AS station_id, label";
        var group = groupBy == GroupBy.StationLabel ? "station_id, label" : "label";
        var sql = $"SELECT {keys}, COUNT(*), COALESCE(SUM(weight_kg), 0), AVG(unit_price) FROM weighings WHERE ts_ms >= @since GROUP BY {group}";
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = SqlCommands.Create(connection, null, sql, ["@since"]);
        command.Parameters[0].Value = since.ToUnixTimeMilliseconds();
        var rows = new List<GroupTotal>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new GroupTotal(
                reader.IsDBNull(0) ? null : reader.GetString(0),
                reader.GetString(1),
                Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture),
                Convert.ToDouble(reader.GetValue(3), CultureInfo.InvariantCulture),
                reader.IsDBNull(4) ? null : Convert.ToDouble(reader.GetValue(4), CultureInfo.InvariantCulture)));
        }

        // Collations differ between the databases; a stable order keeps the clustering reproducible.
        return [.. rows.OrderBy(r => r.ItemType, StringComparer.Ordinal)];
    }

    public async Task<IngestStats> ReadStatsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        long stored = 0, duplicates = 0, malformed = 0;
        await using (var counters = SqlCommands.Create(connection, null, "SELECT name, value FROM ingest_counters UNION ALL SELECT 'stored', COUNT(*) FROM weighings", []))
        await using (var reader = await counters.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var value = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
                switch (reader.GetString(0))
                {
                    case "stored": stored = value; break;
                    case "duplicates": duplicates = value; break;
                    case "malformed": malformed = value; break;
                }
            }
        }

        var byReason = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using (var reasons = SqlCommands.Create(connection, null, "SELECT reason, rejected FROM rejections", []))
        await using (var reader = await reasons.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                byReason[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
            }
        }

        return new IngestStats(stored, duplicates, malformed, byReason, await CountByAsync(connection, "station_id", cancellationToken), await CountByAsync(connection, "label", cancellationToken));
    }

    private static async Task<IReadOnlyList<CountRow>> CountByAsync(DbConnection connection, string column, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(connection, null, $"SELECT {column}, COUNT(*), COALESCE(SUM(weight_kg), 0) FROM weighings GROUP BY {column}", []);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<CountRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new CountRow(reader.GetString(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture), Convert.ToDouble(reader.GetValue(2), CultureInfo.InvariantCulture)));
        }

        return [.. rows.OrderBy(r => r.Key, StringComparer.Ordinal)];
    }

    private static async Task AddCounterAsync(DbConnection connection, DbTransaction tx, string name, int amount, CancellationToken cancellationToken)
    {
        if (amount == 0)
        {
            return;
        }

        await using var command = SqlCommands.Create(connection, tx, "UPDATE ingest_counters SET value = value + @n WHERE name = @name", ["@n", "@name"]);
        command.Parameters[0].Value = (long)amount;
        command.Parameters[1].Value = name;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task AddRejectionsAsync(DbConnection connection, DbTransaction tx, string reason, int amount, CancellationToken cancellationToken)
    {
        const string Sql = "INSERT INTO rejections (reason, rejected) VALUES (@reason, @n) ON CONFLICT (reason) DO UPDATE SET rejected = rejections.rejected + excluded.rejected";
        await using var command = SqlCommands.Create(connection, tx, Sql, ["@reason", "@n"]);
        command.Parameters[0].Value = reason;
        command.Parameters[1].Value = (long)amount;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void Bind(DbCommand c, WeighingRecord r, long received)
    {
        var p = c.Parameters;
        p[0].Value = r.ItemId;
        p[1].Value = r.StationId;
        p[2].Value = r.Timestamp.ToUnixTimeMilliseconds();
        p[3].Value = r.Label;
        p[4].Value = r.Confidence;
        p[5].Value = JsonSerializer.Serialize(r.Top, ContractJson.Options);
        p[6].Value = r.WeightKg is { } kg ? kg : DBNull.Value;
        p[7].Value = dialect.Money(r.UnitPrice);
        p[8].Value = dialect.Money(r.Value);
        p[9].Value = (object?)r.Currency ?? DBNull.Value;
        p[10].Value = r.Bin;
        p[11].Value = r.Reason;
        p[12].Value = r.Model;
        p[13].Value = received;
    }
}
