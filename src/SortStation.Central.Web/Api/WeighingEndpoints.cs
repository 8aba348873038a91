using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using SortStation.Central.Queries;
using SortStation.Central.Web.Options;

namespace SortStation.Central.Web.Api;

/// <summary><c>GET /api/summary</c>, <c>/api/weighings</c> and <c>/api/weighings.csv</c>.</summary>
internal static class WeighingEndpoints
{
    private static readonly string[] CsvHeader = ["item_id", "station_id", "timestamp", "label", "confidence", "weight_kg", "unit_price", "value", "currency", "bin", "reason", "model", "received_at"];

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/summary", async (HttpRequest request, ConsoleClock clock, SummaryQueries summaries, IOptions<WebOptions> web, CancellationToken ct) =>
        {
            var errors = new QueryErrors();
            var period = Period.Parse(request.Query, clock, errors);
            return errors.Any ? ApiResults.Invalid(errors) : Results.Ok(await summaries.SummaryAsync(period.From, period.To, web.Value.Currency, ct));
        });

        api.MapGet("/weighings", async (HttpRequest request, ConsoleClock clock, WeighingQueries weighings, CancellationToken ct) =>
        {
            var errors = new QueryErrors();
            var query = WeighingRequest.Parse(request.Query, clock, errors);
            return errors.Any ? ApiResults.Invalid(errors) : Results.Ok(await weighings.PageAsync(query.Filter, query.Sort, query.Page, query.PageSize, ct));
        });

        api.MapGet("/weighings.csv", async (HttpContext context, ConsoleClock clock, WeighingQueries weighings, CancellationToken ct) =>
        {
            var errors = new QueryErrors();
            var query = WeighingRequest.Parse(context.Request.Query, clock, errors);
            if (errors.Any)
            {
                await ApiResults.Invalid(errors).ExecuteAsync(context);
                return;
            }

            await WriteCsvAsync(context, weighings.StreamAsync(query.Filter, query.Sort, ct), clock, ct);
        });
    }

    /// <summary>Streams the rows as they are read: memory stays flat however many rows match.</summary>
    private static async Task WriteCsvAsync(HttpContext context, IAsyncEnumerable<WeighingRow> rows, ConsoleClock clock, CancellationToken ct)
    {
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        context.Response.ContentType = "text/csv; charset=utf-8";
        var stamp = clock.ToLocal(clock.Now).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"weighings-{stamp}.csv\"";
        // Escape: a label such as "=HYPERLINK(...)" from a station must not become a formula in a spreadsheet.
        await using var csv = CsvWriter.Create(context.Response.Body, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        foreach (var name in CsvHeader)
        {
            csv.WriteField(name);
        }

        await csv.EndRecordAsync(ct);
        await foreach (var r in rows.WithCancellation(ct))
        {
            csv.WriteField(r.ItemId);
            csv.WriteField(r.StationId);
            csv.WriteField(r.Timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            csv.WriteField(r.Label);
            csv.WriteField(r.Confidence.ToString("R", CultureInfo.InvariantCulture));
            csv.WriteField(r.WeightKg?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty);
            csv.WriteField(r.UnitPrice?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            csv.WriteField(r.Value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            csv.WriteField(r.Currency ?? string.Empty);
            csv.WriteField(r.Bin);
            csv.WriteField(r.Reason);
            csv.WriteField(r.Model);
            csv.WriteField(r.ReceivedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            await csv.EndRecordAsync(ct); // writes out whenever its buffer is mostly full
        }

        await csv.FlushAsync(ct);
    }
}
