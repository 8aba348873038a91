using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SortStation.Central.Recluster;
using SortStation.Central.Web.Api;
using SortStation.Central.Web.Auth;

namespace SortStation.Central.Web.Pages;

/// <summary>The latest fleet clustering (elbow, silhouette, scatter, profiles), the predict form, and "re-run now" for admins.</summary>
public sealed class ClustersModel(LatestAnalysis latest, ReclusterRunner runner, IAuthorizationService authorization) : PageModel
{
    public AnalysisSnapshot Snapshot { get; private set; } = null!;

    public PredictResponse? Prediction { get; private set; }

    public string? PredictError { get; private set; }

    public bool CanRerun { get; private set; }

    [BindProperty]
    public string? WeightKg { get; set; }

    [BindProperty]
    public string? UnitPrice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPredictAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!Parse(WeightKg, out var weight) || !Parse(UnitPrice, out var price))
        {
            PredictError = "Predict.Invalid";
        }
        else
        {
            Prediction = ClusterPrediction.Predict(Snapshot, weight, price);
            PredictError = Prediction is null ? "Clusters.None" : null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRerunAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, ConsolePolicies.Admin)).Succeeded)
        {
            return Forbid();
        }

        await runner.RunOnceAsync($"run by {User.Identity?.Name}", cancellationToken);
        return RedirectToPage();
    }

    // The form's inputs are type=number: browsers submit them as "1234.5" whatever the page's language.
    private static bool Parse(string? text, out double value) =>
        double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value) && value >= 0;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Snapshot = await latest.GetAsync(cancellationToken);
        CanRerun = (await authorization.AuthorizeAsync(User, ConsolePolicies.Admin)).Succeeded;
    }
}
