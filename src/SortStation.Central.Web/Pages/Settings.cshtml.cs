using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SortStation.Central.Web.Auth;
using SortStation.Central.Web.Settings;

namespace SortStation.Central.Web.Pages;

/// <summary>
/// Admins: the preferences kept in the database (editable, every change audited), the registered stations, and
/// the configuration central runs with (read only, secrets as their source only).
/// </summary>
[Authorize(Policy = ConsolePolicies.Admin)]
public sealed class SettingsModel(SettingsReader reader, Preferences preferences) : PageModel
{
    public SettingsView View { get; private set; } = null!;

    /// <summary>Changes recorded by the last save (after its redirect), or null.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Saved { get; set; }

    /// <summary>The preference whose submitted value is not one of its choices; nothing is saved then.</summary>
    public string? Invalid { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => View = await reader.ReadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Every field is checked before any is saved: one bad value changes nothing.
        var wanted = new List<(PreferenceDefinition Definition, string Value)>();
        foreach (var definition in preferences.Definitions)
        {
            var value = Request.Form[definition.Key].ToString();
            if (value.Length == 0)
            {
                continue;
            }

            if (!definition.Allows(value))
            {
                Invalid = definition.Key;
                Saved = null;
                View = await reader.ReadAsync(cancellationToken);
                return Page();
            }

            wanted.Add((definition, value));
        }

        var changed = 0;
        foreach (var (definition, value) in wanted)
        {
            changed += await preferences.SetAsync(definition, value, SettingsActor.Of(User), cancellationToken) ? 1 : 0;
        }

        // Redirect: a reload does not post again, and a new language applies to the page that follows.
        return LocalRedirect(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/settings?saved={changed}"));
    }
}
