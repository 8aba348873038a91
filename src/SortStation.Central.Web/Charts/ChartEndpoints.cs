using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SortStation.Central.Queries;
using SortStation.Central.Recluster;
using SortStation.Central.Reports;
using SortStation.Central.Web.Api;
using SortStation.Central.Web.Localization;
using SortStation.Central.Web.Options;
using SortStation.Clustering;

namespace SortStation.Central.Web.Charts;

/// <summary><c>/charts/hourly.svg?period=…</c>, <c>/charts/elbow.svg</c>, <c>/charts/silhouette.svg</c>, <c>/charts/clusters.svg</c>.</summary>
internal static class ChartEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var charts = app.MapGroup("/charts");
        charts.MapGet("/hourly.svg", async (HttpRequest request, ConsoleClock clock, SummaryQueries summaries, IOptions<WebOptions> web, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        {
            var errors = new QueryErrors();
            var period = Period.Parse(request.Query, clock, errors);
            if (errors.Any)
            {
                return ApiResults.Invalid(errors);
            }

            var summary = await summaries.SummaryAsync(period.From, period.To, web.Value.Currency, ct);
            return Svg(ConsoleCharts.Hourly(summary.Hourly, clock, t["Chart.Items"]));
        });
        charts.MapGet("/elbow.svg", (LatestAnalysis latest, IStringLocalizer<SharedResource> t, CancellationToken ct) => AnalysisChart(latest, r => ConsoleCharts.Elbow(r, Text(t)), ct));
        charts.MapGet("/silhouette.svg", (LatestAnalysis latest, IStringLocalizer<SharedResource> t, CancellationToken ct) => AnalysisChart(latest, r => ConsoleCharts.Silhouette(r, Text(t)), ct));
        charts.MapGet("/clusters.svg", (LatestAnalysis latest, IStringLocalizer<SharedResource> t, CancellationToken ct) => AnalysisChart(latest, r => ConsoleCharts.Scatter(r, Text(t)), ct));
    }

    public static ClusterPlotText Text(IStringLocalizer<SharedResource> t) => new(
        null, null, null, t["Chart.Sse"], t["Chart.ChosenK"], t["Chart.Silhouette"], t["Chart.K"], t["Chart.Centroid"],
        feature => t[$"Feature.{feature}"],
        label => t.ClusterName(label));

    private static async Task<IResult> AnalysisChart(LatestAnalysis latest, Func<AnalysisResult, string> draw, CancellationToken ct) =>
        (await latest.GetAsync(ct)).Result is { } result ? Svg(draw(result)) : Results.NotFound();

    private static IResult Svg(string svg) => Results.Text(svg, "image/svg+xml");
}
