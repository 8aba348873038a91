using System.Data.Common;
using System.Globalization;

namespace SortStation.Central.Web.Tests.Support;

/// <summary>
/// The figures the console shows, computed here straight from the weighings table with plain SQL (no rollup, no
/// console code), so a test can hold the API to them.
/// </summary>
public static class IndependentSql
{
    public static async Task<List<(string Key, long Items, double WeightKg, decimal Value)>> GroupAsync(ConsoleDatabase db, string column, DateTimeOffset from, DateTimeOffset to, string? where = null)
    {
        var sql = $"SELECT {column}, COUNT(*), COALESCE(SUM(weight_kg), 0), COALESCE(SUM(CASE WHEN currency = 'IDR' THEN value END), 0) "
            + $"FROM weighings WHERE ts_ms >= {from.ToUnixTimeMilliseconds()} AND ts_ms < {to.ToUnixTimeMilliseconds()} {(where is null ? string.Empty : "AND " + where)} GROUP BY {column}";
        return await ReadAsync(db, sql, r => (r.GetString(0), Long(r, 1), Convert.ToDouble(r.GetValue(2), CultureInfo.InvariantCulture), Convert.ToDecimal(r.GetValue(3), CultureInfo.InvariantCulture)));
    }

    public static async Task<Dictionary<long, long>> HourlyAsync(ConsoleDatabase db, DateTimeOffset from, DateTimeOffset to) =>
        (await ReadAsync(db, $"SELECT ts_ms / 3600000, COUNT(*) FROM weighings WHERE ts_ms >= {from.ToUnixTimeMilliseconds()} AND ts_ms < {to.ToUnixTimeMilliseconds()} GROUP BY ts_ms / 3600000", r => (Long(r, 0) * 3_600_000, Long(r, 1))))
        .ToDictionary(x => x.Item1, x => x.Item2);

    /// <summary>Item ids matching <paramref name="where"/>, newest first (the API's default order).</summary>
    public static async Task<List<string>> IdsAsync(ConsoleDatabase db, string where) =>
        await ReadAsync(db, $"SELECT item_id FROM weighings WHERE {where} ORDER BY ts_ms DESC, item_id DESC", r => r.GetString(0));

    public static async Task<List<T>> ReadAsync<T>(ConsoleDatabase db, string sql, Func<DbDataReader, T> read)
    {
        await using var connection = await db.Dialect.OpenAsync(default);
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Test SQL built from the test's own constants.
        command.CommandText = sql;
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public static long Ms(DateTimeOffset t) => t.ToUnixTimeMilliseconds();

    private static long Long(DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);
}
