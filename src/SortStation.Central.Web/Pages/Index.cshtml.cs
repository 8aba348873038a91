using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SortStation.Central.Queries;
using SortStation.Central.Web.Api;
using SortStation.Central.Web.Options;
using SortStation.Central.Web.Settings;

namespace SortStation.Central.Web.Pages;

/// <summary>The dashboard: a period's totals per label, station and bin, rejects, items per hour, the stations and the newest weighings; live.</summary>
public sealed class IndexModel(SummaryQueries summaries, WeighingQueries weighings, StationOverview stations, ConsoleClock clock, IOptions<WebOptions> web, Preferences preferences) : PageModel
{
    public const int LatestCount = 10;

    public Period Period { get; private set; } = null!;

    public FleetSummary Summary { get; private set; } = null!;

    public IReadOnlyList<WeighingRow> Latest { get; private set; } = [];

    public IReadOnlyList<StationView> Stations { get; private set; } = [];

    public QueryErrors Errors { get; } = new();

    /// <summary>The period as a query string, for the chart and the live part.</summary>
    public string PeriodQuery => Period.Name == "custom"
        ? $"period=custom&from={Uri.EscapeDataString(Request.Query["from"].ToString())}&to={Uri.EscapeDataString(Request.Query["to"].ToString())}"
        : $"period={Period.Name}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetLiveAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Partial("_DashboardLive", this);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var fallback = await preferences.GetAsync(ConsolePreferences.DashboardPeriod, cancellationToken);
        Period = Period.Parse(Request.Query, clock, Errors, fallback);
        if (Errors.Any)
        {
            Period = Period.Parse(new Microsoft.AspNetCore.Http.QueryCollection(), clock, new QueryErrors(), fallback);
        }

        Summary = await summaries.SummaryAsync(Period.From, Period.To, web.Value.Currency, cancellationToken);
        Latest = (await weighings.PageAsync(WeighingFilter.All, WeighingSort.Default, 1, LatestCount, cancellationToken)).Items;
        Stations = await stations.ListAsync(cancellationToken);
    }
}
