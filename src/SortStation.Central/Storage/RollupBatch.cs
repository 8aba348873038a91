using System.Data.Common;
using SortStation.Contracts;

namespace SortStation.Central.Storage;

/// <summary>
/// The <c>weighing_rollup</c> rows one ingest batch adds to: per UTC hour and per station, label, bin and
/// reason, the items, weight and value of the weighings it inserted (never of a dropped duplicate). Written in
/// the batch's transaction, so the dashboard's totals are exactly the rows' totals.
/// </summary>
internal sealed class RollupBatch
{
    public const long HourMs = 3_600_000;
    public static readonly IReadOnlyList<string> Dimensions = ["station", "label", "bin", "reason"];

    private const string UpsertSql =
        "INSERT INTO weighing_rollup (hour_ms, dim, dim_key, currency, items, weight_kg, value) VALUES (@h, @d, @k, @c, @n, @w, @v) "
        + "ON CONFLICT (hour_ms, dim, dim_key, currency) DO UPDATE SET items = weighing_rollup.items + excluded.items, "
        + "weight_kg = weighing_rollup.weight_kg + excluded.weight_kg, value = weighing_rollup.value + excluded.value";

    private readonly Dictionary<(long Hour, string Dim, string Key, string Currency), (long Items, double WeightKg, decimal Value)> _rows = [];

    public int Count => _rows.Count;

    public static long HourOf(long tsMs) => tsMs / HourMs * HourMs;

    public void Add(WeighingRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var hour = HourOf(record.Timestamp.ToUnixTimeMilliseconds());
        var currency = record.Currency ?? string.Empty;
        Add((hour, "station", record.StationId, currency), record);
        Add((hour, "label", record.Label, currency), record);
        Add((hour, "bin", record.Bin, currency), record);
        Add((hour, "reason", record.Reason, currency), record);
    }

    public async Task WriteAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, CancellationToken cancellationToken)
    {
        if (_rows.Count == 0)
        {
            return;
        }

        await using var upsert = SqlCommands.Create(connection, tx, UpsertSql, ["@h", "@d", "@k", "@c", "@n", "@w", "@v"]);
        foreach (var ((hour, dim, key, currency), (items, weight, value)) in _rows)
        {
            var p = upsert.Parameters;
            p[0].Value = hour;
            p[1].Value = dim;
            p[2].Value = key;
            p[3].Value = currency;
            p[4].Value = items;
            p[5].Value = weight;
            p[6].Value = dialect.Money(value);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private void Add((long, string, string, string) key, WeighingRecord record)
    {
        var (items, weight, value) = _rows.GetValueOrDefault(key);
        _rows[key] = (items + 1, weight + (record.WeightKg ?? 0), value + (record.Value ?? 0));
    }
}
