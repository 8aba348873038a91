using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SortStation.Central.Web.Api;

namespace SortStation.Central.Web.Pages;

/// <summary>One row per station with its health fields and a link to its weighings; live.</summary>
public sealed class StationsModel(StationOverview overview) : PageModel
{
    public IReadOnlyList<StationView> Stations { get; private set; } = [];

    public bool RequireRegistered => overview.RequireRegistered;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Stations = await overview.ListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetLiveAsync(CancellationToken cancellationToken)
    {
        Stations = await overview.ListAsync(cancellationToken);
        return Partial("_StationTable", Stations);
    }
}
