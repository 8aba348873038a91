using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SortStation.Central.Accounts;
using SortStation.Central.Options;
using SortStation.Central.Queries;
using SortStation.Central.Recluster;
using SortStation.Central.Storage;
using SortStation.Central.Web.Api;
using SortStation.Central.Web.Auth;

namespace SortStation.Central.Web.Tests.Support;

/// <summary>The API checks run against SQLite and PostgreSQL alike (the SQL is shared, so must the answers be).</summary>
public static class ApiScenarios
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public static async Task Summary_SeededPeriods_EqualIndependentSql(SeededConsole c)
    {
        using var client = await c.SignedInAsync();
        // Whole range; a range with partial hours at both ends; a range inside one hour.
        var periods = new[]
        {
            (c.Now.AddDays(-13), c.Now),
            (c.Now.AddDays(-5).AddMinutes(-17), c.Now.AddDays(-1).AddMinutes(-23)),
            (c.Now.AddDays(-2).AddMinutes(-50), c.Now.AddDays(-2).AddMinutes(-10)),
        };
        foreach (var (from, to) in periods)
        {
            await AssertSummaryAsync(c, client, $"from={Iso(from)}&to={Iso(to)}", from, to);
        }
    }

    /// <summary>
    /// The rollup-backed summary equals plain SQL over the rows after every weighing is stored again (one batch with
    /// each twice): for the named periods, which start at midnight in Asia/Jakarta (17:00 UTC), for local dates, and
    /// for ends a few minutes before or after an hour, inside one hour, and on the hour (each way the summary
    /// reads the partial hours: rows added, or a bucket less rows taken away).
    /// </summary>
    public static async Task Summary_DuplicatesAndPeriodEdges_EqualIndependentSql(SeededConsole c)
    {
        var store = (await c.FactoryAsync()).Services.GetRequiredService<IWeighingStore>();
        var twice = c.Seeded.Take(200).SelectMany(r => new[] { r, r }).ToList();
        var again = await store.StoreAsync([.. twice, .. c.Seeded.Skip(200)], RejectionCounts.None, default);
        Assert.Equal((0, SeededConsole.Count + 200), (again.Inserted, again.Duplicates));

        using var client = await c.SignedInAsync();
        var jakarta = TimeSpan.FromHours(7);
        var midnight = new DateTimeOffset(DateOnly.FromDateTime(c.Now.ToOffset(jakarta).DateTime).ToDateTime(TimeOnly.MinValue), jakarta);
        foreach (var (period, days) in new[] { ("today", 0), ("7d", 6), ("30d", 29) })
        {
            var summary = await AssertSummaryAsync(c, client, $"period={period}", null, null);
            Assert.Equal(midnight.AddDays(-days), summary.From); // local midnight, not UTC's
        }

        var day = DateOnly.FromDateTime(c.Now.ToOffset(jakarta).DateTime).AddDays(-6);
        await AssertSummaryAsync(c, client, $"from={day:yyyy-MM-dd}&to={day.AddDays(2):yyyy-MM-dd}", new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), jakarta), new DateTimeOffset(day.AddDays(3).ToDateTime(TimeOnly.MinValue), jakarta));
        var hour = new DateTimeOffset(c.Now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-3).AddHours(10); // a busy hour in Jakarta
        var edges = new[]
        {
            (hour.AddMinutes(10), hour.AddDays(1).AddMinutes(50)),
            (hour.AddMinutes(50), hour.AddDays(1).AddMinutes(10)),
            (hour.AddMinutes(10), hour.AddDays(1).AddMinutes(10)),
            (hour.AddMinutes(50), hour.AddDays(1).AddMinutes(50)),
            (hour.AddMinutes(10), hour.AddMinutes(50)),
            (hour.AddMinutes(35), hour.AddMinutes(55)),
            (hour.AddMinutes(5), hour.AddMinutes(25)),
            (hour, hour.AddHours(1)),
            (hour.AddMilliseconds(1), hour.AddHours(5).AddMilliseconds(-1)),
            (hour.AddHours(-1000).AddMinutes(29), hour.AddMinutes(31)),
        };
        foreach (var (from, to) in edges)
        {
            await AssertSummaryAsync(c, client, $"from={Iso(from)}&to={Iso(to)}", from, to);
        }
    }

    /// <summary>GET /api/summary?<paramref name="query"/>: its period is the one expected (when given) and every figure equals plain SQL over that period.</summary>
    private static async Task<FleetSummary> AssertSummaryAsync(SeededConsole c, HttpClient client, string query, DateTimeOffset? expectedFrom, DateTimeOffset? expectedTo)
    {
        var summary = (await client.GetFromJsonAsync<FleetSummary>($"/api/summary?{query}", Json))!;
        Assert.Equal((expectedFrom ?? summary.From).ToUnixTimeMilliseconds(), summary.From.ToUnixTimeMilliseconds());
        Assert.Equal((expectedTo ?? summary.To).ToUnixTimeMilliseconds(), summary.To.ToUnixTimeMilliseconds());
        var (from, to) = (summary.From, summary.To);
        await AssertGroupsAsync(c.Database, "label", from, to, summary.PerLabel);
        await AssertGroupsAsync(c.Database, "station_id", from, to, summary.PerStation);
        await AssertGroupsAsync(c.Database, "bin", from, to, summary.PerBin);
        await AssertGroupsAsync(c.Database, "reason", from, to, summary.RejectReasons, "reason <> 'routed'");
        var all = await IndependentSql.GroupAsync(c.Database, "station_id", from, to);
        Assert.Equal(all.Sum(r => r.Items), summary.Totals.Items);
        Assert.Equal(all.Sum(r => r.WeightKg), summary.Totals.WeightKg, 5);
        Assert.Equal(all.Sum(r => r.Value), summary.Totals.Value, 2);
        Assert.Equal(summary.RejectReasons.Sum(r => r.Items), summary.Rejected);
        var hourly = await IndependentSql.HourlyAsync(c.Database, from, to);
        Assert.All(summary.Hourly, h => Assert.Equal(hourly.GetValueOrDefault(h.Hour.ToUnixTimeMilliseconds()), h.Items));
        Assert.Equal(hourly.Values.Sum(), summary.Hourly.Sum(h => h.Items));
        var usd = await IndependentSql.ReadAsync(c.Database, $"SELECT COUNT(*), COALESCE(SUM(value), 0) FROM weighings WHERE currency = 'USD' AND ts_ms >= {IndependentSql.Ms(from)} AND ts_ms < {IndependentSql.Ms(to)}", r => (Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), Convert.ToDecimal(r.GetValue(1), CultureInfo.InvariantCulture)));
        Assert.Equal(usd[0].Item1 > 0, summary.OtherCurrencies.ContainsKey("USD"));
        Assert.Equal(usd[0].Item2, summary.OtherCurrencies.GetValueOrDefault("USD"), 2);
        return summary;
    }

    /// <summary>Each filter (and a combination) returns exactly the rows plain SQL selects, in the default order, across pages.</summary>
    public static async Task Weighings_Filters_EqualIndependentSql(SeededConsole c)
    {
        using var client = await c.SignedInAsync();
        var someId = c.Seeded[17].ItemId;
        var jakarta = TimeSpan.FromHours(7);
        var day = DateOnly.FromDateTime(c.Now.ToOffset(jakarta).DateTime).AddDays(-4);
        var dayStart = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), jakarta);
        var cases = new (string Query, string Where)[]
        {
            ("station=station-02", "station_id = 'station-02'"),
            ("label=metal", "label = 'metal'"),
            ("bin=reject", "bin = 'reject'"),
            ("reason=low-confidence", "reason = 'low-confidence'"),
            ("minConfidence=0.8&maxConfidence=0.9", "confidence >= 0.8 AND confidence <= 0.9"),
            ($"from={day:yyyy-MM-dd}&to={day.AddDays(1):yyyy-MM-dd}", $"ts_ms >= {IndependentSql.Ms(dayStart)} AND ts_ms < {IndependentSql.Ms(dayStart.AddDays(2))}"),
            ("station=station-01&label=plastic&minConfidence=0.7", "station_id = 'station-01' AND label = 'plastic' AND confidence >= 0.7"),
            ($"q={someId[..20].ToLowerInvariant()}", $"item_id LIKE '{someId[..20]}%'"),
            ("label=nothing-like-this", "1 = 0"),
        };
        foreach (var (query, where) in cases)
        {
            var expected = await IndependentSql.IdsAsync(c.Database, where);
            var (ids, total) = await AllPagesAsync(client, query, 500);
            Assert.True(expected.SequenceEqual(ids), $"{query}: {ids.Count} rows, SQL has {expected.Count}");
            Assert.Equal(expected.Count, total);
        }
    }

    /// <summary>Every sort, both ways, over pages of 37: each row once, in order (nulls last, ties by item id).</summary>
    public static async Task Weighings_SortAndPaging_EachRowOnceInOrder(SeededConsole c)
    {
        using var client = await c.SignedInAsync();
        var expected = (await IndependentSql.IdsAsync(c.Database, "station_id = 'station-03'")).ToHashSet();
        foreach (var field in WeighingSort.Fields)
        {
            foreach (var descending in new[] { false, true })
            {
                var rows = new List<WeighingRow>();
                for (var page = 1; ; page++)
                {
                    var result = (await client.GetFromJsonAsync<WeighingPage>($"/api/weighings?station=station-03&sort={(descending ? "-" : "")}{field}&page={page}&pageSize=37", Json))!;
                    rows.AddRange(result.Items);
                    if (result.Items.Count < 37)
                    {
                        break;
                    }
                }

                Assert.Equal(expected.Count, rows.Count);
                Assert.True(expected.SetEquals(rows.Select(r => r.ItemId)), $"sort {field}: not the filter's rows");
                for (var i = 1; i < rows.Count; i++)
                {
                    var (aNull, bNull, order) = Compare(field, rows[i - 1], rows[i]);
                    var inOrder = aNull || bNull ? !aNull || bNull : descending ? order >= 0 : order <= 0; // nulls last both ways
                    Assert.True(inOrder, $"sort {(descending ? "-" : "")}{field}: row {i} out of order");
                }
            }
        }
    }

    /// <summary>The CSV export holds exactly the filtered rows (same filters as the list), with the header and no paging.</summary>
    public static async Task WeighingsCsv_Filters_EqualIndependentSql(SeededConsole c)
    {
        using var client = await c.SignedInAsync();
        foreach (var (query, where) in new[] { ("station=station-04&reason=routed", "station_id = 'station-04' AND reason = 'routed'"), (string.Empty, "1 = 1") })
        {
            using var response = await client.GetAsync($"/api/weighings.csv?{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("item_id,station_id,timestamp,label,confidence,weight_kg,unit_price,value,currency,bin,reason,model,received_at", lines[0].TrimEnd('\r'));
            var expected = await IndependentSql.IdsAsync(c.Database, where);
            Assert.Equal(expected, lines.Skip(1).Select(l => l.Split(',')[0]).ToList());
        }
    }

    /// <summary>The API's prediction is the clustering library's, fitted on the same fleet totals.</summary>
    public static async Task Predict_Grid_EqualsClusteringLibrary(SeededConsole c)
    {
        var factory = await c.FactoryAsync();
        var options = new CentralClusteringOptions();
        var totals = await factory.Services.GetRequiredService<IWeighingStore>().AggregateAsync(options.ParsedGroupBy, c.Now.AddDays(-options.PeriodDays), default);
        var expected = FleetAnalysis.Run(totals, options, default);
        var (key, account) = ApiKeys.Create($"predict-{Guid.NewGuid():N}"[..20], ConsoleRole.Viewer, DateTimeOffset.UtcNow);
        await factory.Services.GetRequiredService<IAccountStore>().AddApiKeyAsync(account, default);
        using var client = factory.Client();
        client.DefaultRequestHeaders.Add(ApiKeys.Header, key);
        var maxKg = totals.Max(t => t.TotalWeightKg);
        for (var w = 0.0; w <= maxKg * 1.2; w += maxKg / 6)
        {
            foreach (var price in new[] { 0.0, 400, 1500, 2500, 5000, 9000 })
            {
                using var response = await client.PostAsJsonAsync("/api/clusters/predict", new { weightKg = w, unitPrice = price });
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var actual = (await response.Content.ReadFromJsonAsync<PredictResponse>(Json))!;
                var library = expected.Predictor.Predict([w, price]);
                Assert.Equal((library.ClusterId, library.Label), (actual.ClusterId, actual.Label));
            }
        }
    }

    private static async Task AssertGroupsAsync(ConsoleDatabase db, string column, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<SummaryRow> actual, string? where = null)
    {
        var expected = (await IndependentSql.GroupAsync(db, column, from, to, where)).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        var rows = actual.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(e => (e.Key, e.Items)), rows.Select(r => (r.Key, r.Items)));
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(expected[i].WeightKg, rows[i].WeightKg, 5);
            Assert.Equal(expected[i].Value, rows[i].Value, 2);
        }
    }

    private static async Task<(List<string> Ids, long Total)> AllPagesAsync(HttpClient client, string query, int pageSize)
    {
        var ids = new List<string>();
        long total = 0;
        for (var page = 1; ; page++)
        {
            var result = (await client.GetFromJsonAsync<WeighingPage>($"/api/weighings?{query}&page={page}&pageSize={pageSize}", Json))!;
            ids.AddRange(result.Items.Select(i => i.ItemId));
            total = result.Total;
            if (!result.HasNext)
            {
                return (ids, total);
            }
        }
    }

    private static (bool ANull, bool BNull, int Order) Compare(string field, WeighingRow a, WeighingRow b) => field switch
    {
        "timestamp" => (false, false, a.Timestamp.CompareTo(b.Timestamp)),
        "stationId" => (false, false, string.CompareOrdinal(a.StationId, b.StationId)),
        "label" => (false, false, string.CompareOrdinal(a.Label, b.Label)),
        "confidence" => (false, false, a.Confidence.CompareTo(b.Confidence)),
        "weightKg" => (a.WeightKg is null, b.WeightKg is null, Nullable.Compare(a.WeightKg, b.WeightKg)),
        "value" => (a.Value is null, b.Value is null, Nullable.Compare(a.Value, b.Value)),
        "bin" => (false, false, string.CompareOrdinal(a.Bin, b.Bin)),
        "reason" => (false, false, string.CompareOrdinal(a.Reason, b.Reason)),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };
}
