using System.Data.Common;
using SortStation.Contracts;

namespace SortStation.Central.Storage;

/// <summary>
/// The <c>weighing_rollup</c> (per UTC hour) and <c>weighing_rollup_daily</c> (per UTC day) rows one ingest batch
/// adds to: per station, label, bin and reason (hourly also 'all', for the chart), the items, weight and value of the
/// weighings it inserted (never of a dropped duplicate). Written in the batch's transaction, so the dashboard's
/// totals are exactly the rows' totals.
/// </summary>
internal sealed class RollupBatch
{
    public const long HourMs = 3_600_000;
    public const long DayMs = 86_400_000;

    private readonly Dictionary<(bool Daily, long Bucket, string Dim, string Key, string Currency), (long Items, double WeightKg, decimal Value)> _rows = [];

    public int Count => _rows.Count;

    /// <summary>The earliest timestamp added (Unix ms), or long.MaxValue.</summary>
    public long OldestMs { get; private set; } = long.MaxValue;

    public static long HourOf(long tsMs) => tsMs / HourMs * HourMs;

    public static long DayOf(long tsMs) => tsMs / DayMs * DayMs;

    public void Add(WeighingRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var ts = record.Timestamp.ToUnixTimeMilliseconds();
        OldestMs = Math.Min(OldestMs, ts);
        var currency = record.Currency ?? string.Empty;
        foreach (var daily in new[] { false, true })
        {
            var bucket = daily ? DayOf(ts) : HourOf(ts);
            Add((daily, bucket, "station", record.StationId, currency), record);
            Add((daily, bucket, "label", record.Label, currency), record);
            Add((daily, bucket, "bin", record.Bin, currency), record);
            Add((daily, bucket, "reason", record.Reason, currency), record);
        }

        Add((false, HourOf(ts), "all", string.Empty, currency), record);
    }

    public async Task WriteAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, CancellationToken cancellationToken)
    {
        if (_rows.Count == 0)
        {
            return;
        }

        await using var hourly = SqlCommands.Create(connection, tx, Upsert("weighing_rollup", "hour_ms"), Parameters);
        await using var daily = SqlCommands.Create(connection, tx, Upsert("weighing_rollup_daily", "day_ms"), Parameters);
        foreach (var ((isDaily, bucket, dim, key, currency), (items, weight, value)) in _rows)
        {
            var command = isDaily ? daily : hourly;
            var p = command.Parameters;
            p[0].Value = dim;
            p[1].Value = bucket;
            p[2].Value = key;
            p[3].Value = currency;
            p[4].Value = items;
            p[5].Value = weight;
            p[6].Value = dialect.Money(value);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static readonly string[] Parameters = ["@d", "@b", "@k", "@c", "@n", "@w", "@v"];

    private static string Upsert(string table, string bucket) =>
        $"INSERT INTO {table} (dim, {bucket}, dim_key, currency, items, weight_kg, value) VALUES (@d, @b, @k, @c, @n, @w, @v) "
        + $"ON CONFLICT (dim, {bucket}, dim_key, currency) DO UPDATE SET items = {table}.items + excluded.items, "
        + $"weight_kg = {table}.weight_kg + excluded.weight_kg, value = {table}.value + excluded.value";

    private void Add((bool, long, string, string, string) key, WeighingRecord record)
    {
        var (items, weight, value) = _rows.GetValueOrDefault(key);
        _rows[key] = (items + 1, weight + (record.WeightKg ?? 0), value + (record.Value ?? 0));
    }
}
