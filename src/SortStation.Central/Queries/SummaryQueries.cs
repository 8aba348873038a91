using System.Data.Common;
using System.Globalization;
using System.Text;
using SortStation.Central.Storage;

namespace SortStation.Central.Queries;

/// <summary>
/// The dashboard's totals, exact for any period and cheap by design (no cache): the whole hours come from
/// <c>weighing_spans</c>, whose buckets of 1, 2, 4 … 1024 hours tile any run of hours with at most two of each size
/// (a 30-day period: 7 to 10 buckets of ~100 rows), the chart from <c>weighing_hours</c>. A partial hour at either
/// end is taken from the weighings on its smaller side: the rows inside the period, or the whole hour's bucket less
/// the rows outside it. For a period ending now that is the rows after now (usually none), so the summary reads a
/// thousand rollup rows in one round trip whatever the period and the time zone.
/// </summary>
public sealed class SummaryQueries(ISqlDialect dialect)
{
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(400);

    private const long HourMs = RollupBatch.HourMs;

    public async Task<FleetSummary> SummaryAsync(DateTimeOffset from, DateTimeOffset to, string currency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (to <= from || to - from > MaxPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(to), "the period must be positive and at most 400 days");
        }

        var (fromMs, toMs) = (from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
        var (start, end) = (Edge(fromMs, towardsLater: fromMs - RollupBatch.HourOf(fromMs) > HourMs / 2), Edge(toMs, towardsLater: toMs - RollupBatch.HourOf(toMs) > HourMs / 2));
        if (start >= end)
        {
            (start, end) = (fromMs, fromMs); // inside one hour, no bucket: the rows
        }

        // [start, end) from the buckets; the rows between the period's ends and the buckets' ends added or taken away.
        var buckets = Buckets(start, end);
        var sql = new StringBuilder();
        var parameters = new List<(string, object)>
        {
            ("@from", fromMs), ("@to", toMs), ("@a1", Math.Min(fromMs, start)), ("@b1", Math.Max(fromMs, start)), ("@a2", Math.Min(toMs, end)), ("@b2", Math.Max(toMs, end)),
        };
        if (buckets.Count > 0)
        {
            sql.Append("WITH b(span_h, start_ms) AS (VALUES ")
                .AppendJoin(", ", buckets.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"(@s{i}, @t{i})")))
                .Append(") SELECT r.dim, r.dim_key, r.currency, SUM(r.items), SUM(r.weight_kg), SUM(r.value) FROM b JOIN weighing_spans r ")
                .Append("ON r.span_h = b.span_h AND r.start_ms = b.start_ms GROUP BY r.dim, r.dim_key, r.currency; ")
                .Append("SELECT hour_ms, items FROM weighing_hours WHERE hour_ms >= @start AND hour_ms < @end; ");
            for (var i = 0; i < buckets.Count; i++)
            {
                parameters.Add(($"@s{i}", buckets[i].SpanH));
                parameters.Add(($"@t{i}", buckets[i].StartMs));
            }

            parameters.Add(("@start", start));
            parameters.Add(("@end", end));
        }

        sql.Append("SELECT ts_ms, station_id, label, bin, reason, COALESCE(currency, ''), weight_kg, value FROM weighings ")
            .Append("WHERE (ts_ms >= @a1 AND ts_ms < @b1) OR (ts_ms >= @a2 AND ts_ms < @b2)");

        var totals = new SummaryTotals(currency);
        var hourly = new Dictionary<long, long>();
        await using var connection = await dialect.OpenAsync(cancellationToken);
        // One snapshot for the three statements: a weighing committed between them would be counted in one, not the others.
        await using var snapshot = await dialect.BeginSnapshotAsync(connection, cancellationToken);
        await using var command = SqlCommands.Create(connection, sql.ToString(), parameters);
        command.Transaction = snapshot;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (buckets.Count > 0)
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                totals.Add(reader.GetString(0), reader.GetString(1), reader.GetString(2), Long(reader, 3), Double(reader, 4), Decimal(reader, 5));
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                hourly[Long(reader, 0)] = Long(reader, 1);
            }

            await reader.NextResultAsync(cancellationToken);
        }

        while (await reader.ReadAsync(cancellationToken))
        {
            var ts = Long(reader, 0);
            var sign = ts >= fromMs && ts < toMs ? 1 : -1; // inside the period: added; between it and a bucket's end: taken away
            var hour = RollupBatch.HourOf(ts);
            hourly[hour] = hourly.GetValueOrDefault(hour) + sign;
            var rowCurrency = reader.GetString(5);
            var weight = sign * (reader.IsDBNull(6) ? 0 : Double(reader, 6));
            var value = sign * (reader.IsDBNull(7) ? 0 : Decimal(reader, 7));
            totals.Add("station", reader.GetString(1), rowCurrency, sign, weight, value);
            totals.Add("label", reader.GetString(2), rowCurrency, sign, weight, value);
            totals.Add("bin", reader.GetString(3), rowCurrency, sign, weight, value);
            totals.Add("reason", reader.GetString(4), rowCurrency, sign, weight, value);
        }

        return totals.ToSummary(from, to, Hours(fromMs, toMs, hourly));
    }

    /// <summary>
    /// Buckets of 2^k hours (k &lt; <see cref="RollupBatch.Levels"/>), each at a multiple of its size, that tile
    /// [<paramref name="startMs"/>, <paramref name="endMs"/>) (whole hours): the largest that fits at each step.
    /// </summary>
    public static List<(int SpanH, long StartMs)> Buckets(long startMs, long endMs)
    {
        var buckets = new List<(int, long)>();
        var (h, last) = (startMs / HourMs, endMs / HourMs);
        while (h < last)
        {
            var k = RollupBatch.Levels - 1;
            while (k > 0 && (h % (1L << k) != 0 || h + (1L << k) > last))
            {
                k--;
            }

            buckets.Add((1 << k, h * HourMs));
            h += 1L << k;
        }

        return buckets;
    }

    // The hour boundary a period's end is moved to: the one on the side with fewer minutes to read from the rows.
    private static long Edge(long ms, bool towardsLater) =>
        ms % HourMs == 0 ? ms : towardsLater ? RollupBatch.HourOf(ms) + HourMs : RollupBatch.HourOf(ms);

    private static List<HourCount> Hours(long fromMs, long toMs, Dictionary<long, long> counts)
    {
        var hours = new List<HourCount>();
        for (var h = RollupBatch.HourOf(fromMs); h < toMs; h += HourMs)
        {
            hours.Add(new HourCount(DateTimeOffset.FromUnixTimeMilliseconds(h), counts.GetValueOrDefault(h)));
        }

        return hours;
    }

    private static long Long(DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    private static double Double(DbDataReader r, int i) => Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture);

    private static decimal Decimal(DbDataReader r, int i) => Convert.ToDecimal(r.GetValue(i), CultureInfo.InvariantCulture);
}
