using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace SortStation.Central.Web.Settings;

/// <summary>
/// The console's language preference (Settings page): after the user's own choice (cookie), before the browser's.
/// With the preference at <c>browser</c> it says nothing and the browser's language decides.
/// </summary>
public sealed class PreferredLanguageProvider : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var preferences = httpContext.RequestServices.GetRequiredService<Preferences>();
        var language = await preferences.GetAsync(ConsolePreferences.Language, httpContext.RequestAborted);
        return language == "browser" ? null : new ProviderCultureResult(language);
    }
}
