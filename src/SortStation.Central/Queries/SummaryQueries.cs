using System.Data.Common;
using System.Globalization;
using SortStation.Central.Storage;

namespace SortStation.Central.Queries;

/// <summary>
/// The dashboard's totals. Whole UTC days come from <c>weighing_rollup_daily</c>, the whole hours around them from
/// <c>weighing_rollup</c> (both kept by ingest, a few dozen rows per day or hour), the partial hours at either end
/// of the period from the weighings themselves. So any period is exact, and a month costs a few thousand rollup
/// rows instead of a month of weighings.
/// </summary>
public sealed class SummaryQueries(ISqlDialect dialect, RollupCache? cache = null)
{
    private static readonly (string Table, string Bucket) Hourly = ("weighing_rollup", "hour_ms");
    private static readonly (string Table, string Bucket) Daily = ("weighing_rollup_daily", "day_ms");

    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(400);

    public async Task<FleetSummary> SummaryAsync(DateTimeOffset from, DateTimeOffset to, string currency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (to <= from || to - from > MaxPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(to), "the period must be positive and at most 400 days");
        }

        var totals = new SummaryTotals(currency);
        var hourly = new SortedDictionary<long, long>();
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var (fromMs, toMs) = (from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
        var (firstHour, lastHour) = (Ceiling(fromMs, RollupBatch.HourMs), RollupBatch.HourOf(toMs));
        if (firstHour >= lastHour)
        {
            await ReadRawAsync(connection, fromMs, toMs, totals, hourly, cancellationToken);
        }
        else
        {
            // Partial hours from the rows, whole days from the daily table, the whole hours around them from the hourly one.
            await ReadRawAsync(connection, fromMs, firstHour, totals, hourly, cancellationToken);
            await ReadRawAsync(connection, lastHour, toMs, totals, hourly, cancellationToken);
            var (firstDay, lastDay) = (Ceiling(firstHour, RollupBatch.DayMs), RollupBatch.DayOf(lastHour));
            if (firstDay < lastDay)
            {
                await ReadGroupsAsync(connection, Hourly, firstHour, firstDay, totals, cancellationToken);
                await ReadGroupsAsync(connection, Daily, firstDay, lastDay, totals, cancellationToken);
                await ReadGroupsAsync(connection, Hourly, lastDay, lastHour, totals, cancellationToken);
            }
            else
            {
                await ReadGroupsAsync(connection, Hourly, firstHour, lastHour, totals, cancellationToken);
            }

            await ReadHoursAsync(connection, firstHour, lastHour, hourly, cancellationToken);
        }

        return totals.ToSummary(from, to, Hours(fromMs, toMs, hourly));
    }

    private static List<HourCount> Hours(long fromMs, long toMs, SortedDictionary<long, long> counts)
    {
        var hours = new List<HourCount>();
        for (var h = RollupBatch.HourOf(fromMs); h < toMs; h += RollupBatch.HourMs)
        {
            hours.Add(new HourCount(DateTimeOffset.FromUnixTimeMilliseconds(h), counts.GetValueOrDefault(h)));
        }

        return hours;
    }

    private static long Ceiling(long ms, long unit) => (ms + unit - 1) / unit * unit;

    private async Task ReadGroupsAsync(DbConnection connection, (string Table, string Bucket) rollup, long fromMs, long toMs, SummaryTotals totals, CancellationToken cancellationToken)
    {
        if (fromMs >= toMs)
        {
            return;
        }

        var rows = await Cached($"{rollup.Table}:{fromMs}:{toMs}", toMs, async () =>
        {
            var sql = $"SELECT dim, dim_key, currency, SUM(items), SUM(weight_kg), SUM(value) FROM {rollup.Table} "
                + $"WHERE dim IN ('station', 'label', 'bin', 'reason') AND {rollup.Bucket} >= @from AND {rollup.Bucket} < @to GROUP BY dim, dim_key, currency";
            await using var command = SqlCommands.Create(connection, sql, [("@from", fromMs), ("@to", toMs)]);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var list = new List<(string Dim, string Key, string Currency, long Items, double WeightKg, decimal Value)>();
            while (await reader.ReadAsync(cancellationToken))
            {
                list.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), Long(reader, 3), Double(reader, 4), Decimal(reader, 5)));
            }

            return (IReadOnlyList<(string Dim, string Key, string Currency, long Items, double WeightKg, decimal Value)>)list;
        });
        foreach (var r in rows)
        {
            totals.Add(r.Dim, r.Key, r.Currency, r.Items, r.WeightKg, r.Value);
        }
    }

    private async Task ReadHoursAsync(DbConnection connection, long fromMs, long toMs, SortedDictionary<long, long> hourly, CancellationToken cancellationToken)
    {
        // Past days (cacheable) and today apart.
        var today = RollupBatch.DayOf(toMs);
        foreach (var (a, b) in new[] { (fromMs, Math.Max(fromMs, Math.Min(today, toMs))), (Math.Max(fromMs, today), toMs) })
        {
            if (a >= b)
            {
                continue;
            }

            var rows = await Cached($"hours:{a}:{b}", b, async () =>
            {
                const string Sql = "SELECT hour_ms, SUM(items) FROM weighing_rollup WHERE dim = 'all' AND hour_ms >= @from AND hour_ms < @to GROUP BY hour_ms";
                await using var command = SqlCommands.Create(connection, Sql, [("@from", a), ("@to", b)]);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var list = new List<(long Hour, long Items)>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    list.Add((Long(reader, 0), Long(reader, 1)));
                }

                return (IReadOnlyList<(long Hour, long Items)>)list;
            });
            foreach (var (hour, items) in rows)
            {
                hourly[hour] = hourly.GetValueOrDefault(hour) + items;
            }
        }
    }

    private Task<IReadOnlyList<T>> Cached<T>(string key, long toMs, Func<Task<IReadOnlyList<T>>> read) =>
        cache is null ? read() : cache.GetAsync(key, toMs, read);

    private static async Task ReadRawAsync(DbConnection connection, long fromMs, long toMs, SummaryTotals totals, SortedDictionary<long, long> hourly, CancellationToken cancellationToken)
    {
        if (fromMs >= toMs)
        {
            return;
        }

        const string Sql = "SELECT ts_ms, station_id, label, bin, reason, COALESCE(currency, ''), weight_kg, value FROM weighings WHERE ts_ms >= @from AND ts_ms < @to";
        await using var command = SqlCommands.Create(connection, Sql, [("@from", fromMs), ("@to", toMs)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var hour = RollupBatch.HourOf(Long(reader, 0));
            hourly[hour] = hourly.GetValueOrDefault(hour) + 1;
            var currency = reader.GetString(5);
            var weight = reader.IsDBNull(6) ? 0 : Double(reader, 6);
            var value = reader.IsDBNull(7) ? 0 : Decimal(reader, 7);
            totals.Add("station", reader.GetString(1), currency, 1, weight, value);
            totals.Add("label", reader.GetString(2), currency, 1, weight, value);
            totals.Add("bin", reader.GetString(3), currency, 1, weight, value);
            totals.Add("reason", reader.GetString(4), currency, 1, weight, value);
        }
    }

    private static long Long(DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    private static double Double(DbDataReader r, int i) => Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture);

    private static decimal Decimal(DbDataReader r, int i) => Convert.ToDecimal(r.GetValue(i), CultureInfo.InvariantCulture);
}
