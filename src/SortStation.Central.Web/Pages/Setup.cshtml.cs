using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SortStation.Central.Web.Security;

namespace SortStation.Central.Web.Pages;

/// <summary>Shown instead of every page while the database has no user: how to create the first one.</summary>
public sealed class SetupModel(SetupGate setup) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await setup.HasUsersAsync(cancellationToken) ? Redirect("/login") : Page();
}
