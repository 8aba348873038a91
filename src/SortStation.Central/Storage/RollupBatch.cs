using System.Data.Common;
using System.Globalization;
using System.Text;
using SortStation.Contracts;

namespace SortStation.Central.Storage;

/// <summary>
/// The <c>weighing_spans</c> rows (per station, label, bin and reason, in buckets of 1, 2, 4 … 1024 hours) and the
/// <c>weighing_hours</c> rows (items per hour) that one ingest batch adds to: the items, weight and value of the
/// weighings it inserted, never of a dropped duplicate. Written in the batch's transaction, so the dashboard's
/// totals are exactly the rows' totals (migration 005).
/// </summary>
internal sealed class RollupBatch
{
    public const long HourMs = 3_600_000;

    /// <summary>Bucket sizes 2^0 … 2^(Levels-1) hours.</summary>
    public const int Levels = 11;

    private const int RowsPerStatement = 100;

    private static readonly string[] Dims = ["station", "label", "bin", "reason"];

    private readonly Dictionary<SpanKey, (long Items, double WeightKg, decimal Value)> _spans = [];
    private readonly Dictionary<long, long> _hours = [];

    public int Count => _spans.Count;

    public static long HourOf(long tsMs) => tsMs / HourMs * HourMs;

    public void Add(WeighingRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var ts = record.Timestamp.ToUnixTimeMilliseconds();
        var currency = record.Currency ?? string.Empty;
        string[] keys = [record.StationId, record.Label, record.Bin, record.Reason];
        for (var level = 0; level < Levels; level++)
        {
            var span = 1 << level;
            var start = ts / (span * HourMs) * (span * HourMs);
            for (var d = 0; d < Dims.Length; d++)
            {
                var key = new SpanKey(span, start, Dims[d], keys[d], currency);
                var (items, weight, value) = _spans.GetValueOrDefault(key);
                _spans[key] = (items + 1, weight + (record.WeightKg ?? 0), value + (record.Value ?? 0));
            }
        }

        _hours[HourOf(ts)] = _hours.GetValueOrDefault(HourOf(ts)) + 1;
    }

    public async Task WriteAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, CancellationToken cancellationToken)
    {
        // In key order, so that two instances storing into the same buckets lock rows in the same order (no deadlock),
        // and many rows per statement (one round trip per hundred rows on PostgreSQL).
        var ordered = _spans.OrderBy(s => s.Key.SpanH).ThenBy(s => s.Key.StartMs).ThenBy(s => s.Key.Dim, StringComparer.Ordinal)
            .ThenBy(s => s.Key.Key, StringComparer.Ordinal).ThenBy(s => s.Key.Currency, StringComparer.Ordinal);
        foreach (var chunk in ordered.Chunk(RowsPerStatement))
        {
            await using var command = Upsert(connection, tx, "weighing_spans", ["span_h", "start_ms", "dim", "dim_key", "currency", "items", "weight_kg", "value"], 5,
                chunk.Select(s => new object[] { s.Key.SpanH, s.Key.StartMs, s.Key.Dim, s.Key.Key, s.Key.Currency, s.Value.Items, s.Value.WeightKg, dialect.Money(s.Value.Value) }));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var chunk in _hours.OrderBy(h => h.Key).Chunk(RowsPerStatement))
        {
            await using var command = Upsert(connection, tx, "weighing_hours", ["hour_ms", "items"], 1, chunk.Select(h => new object[] { h.Key, h.Value }));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>INSERT … VALUES (…), (…) ON CONFLICT (the first <paramref name="keyColumns"/>) adding the other columns.</summary>
    private static DbCommand Upsert(DbConnection connection, DbTransaction tx, string table, string[] columns, int keyColumns, IEnumerable<object[]> rows)
    {
        var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
        var names = new List<string>();
        var values = new List<object>();
        var r = 0;
        foreach (var row in rows)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < row.Length; c++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{r}_{c}");
                sql.Append(c == 0 ? name : ", " + name);
                names.Add(name);
                values.Add(row[c]);
            }

            sql.Append(')');
            r++;
        }

        sql.Append(CultureInfo.InvariantCulture, $" ON CONFLICT ({string.Join(", ", columns[..keyColumns])}) DO UPDATE SET ")
            .AppendJoin(", ", columns[keyColumns..].Select(c => $"{c} = {table}.{c} + excluded.{c}"));
        var command = SqlCommands.Create(connection, tx, sql.ToString(), names);
        for (var i = 0; i < values.Count; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        return command;
    }

    private readonly record struct SpanKey(int SpanH, long StartMs, string Dim, string Key, string Currency);
}
