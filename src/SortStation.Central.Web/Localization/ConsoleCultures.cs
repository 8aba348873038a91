using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;
using SortStation.Central.Web.Settings;

namespace SortStation.Central.Web.Localization;

/// <summary>
/// English and Bahasa Indonesia: chosen by the user (cookie), else the console's language preference (Settings), else
/// the browser (Accept-Language), else Web:DefaultLanguage.
/// </summary>
public static class ConsoleCultures
{
    public const string CookieName = "sortstation.lang";

    public static IReadOnlyList<string> Names { get; } = ["en", "id"];

    public static RequestLocalizationOptions Options(string defaultLanguage)
    {
        var cultures = Names.Select(n => new CultureInfo(n)).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(defaultLanguage),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };
        options.RequestCultureProviders =
        [
            new CookieRequestCultureProvider { CookieName = CookieName },
            new PreferredLanguageProvider(),
            new AcceptLanguageHeaderRequestCultureProvider(),
        ];
        return options;
    }
}
