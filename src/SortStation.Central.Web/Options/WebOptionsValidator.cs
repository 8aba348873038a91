using System.Net;
using Microsoft.Extensions.Options;
using SortStation.Kernel.Options;

namespace SortStation.Central.Web.Options;

/// <summary>Rules of <see cref="WebOptions"/>; each error names the key, the value and the fix.</summary>
public sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ConfigErrors();
        if (options.Enabled && !UrlsValid(options.Urls))
        {
            errors.Add("Web:Urls", options.Urls, "must be one or more http:// or https:// URLs with a host and port, separated by ';'.", "use http://127.0.0.1:8080 and a TLS reverse proxy in front (README).");
        }

        if (options.Currency is not { Length: 3 } || !options.Currency.All(char.IsAsciiLetterUpper))
        {
            errors.Add("Web:Currency", options.Currency, "must be a three-letter ISO 4217 code in capitals.", "use IDR, or the currency of the stations' price table.");
        }

        if (!string.IsNullOrWhiteSpace(options.TimeZone) && !TimeZoneExists(options.TimeZone))
        {
            errors.Add("Web:TimeZone", options.TimeZone, "is not a known IANA time zone.", "use Asia/Jakarta, Asia/Makassar or Asia/Jayapura (or leave it empty for the server's).");
        }

        if (options.DefaultLanguage is not ("en" or "id"))
        {
            errors.Add("Web:DefaultLanguage", options.DefaultLanguage, "must be en or id.", "use id for Bahasa Indonesia.");
        }

        if (options.Enabled && string.IsNullOrWhiteSpace(options.KeysDirectory))
        {
            errors.Add("Web:KeysDirectory", options.KeysDirectory, "is empty.", "use data/console-keys (beside the database).");
        }

        Range(errors, "Web:SessionMinutes", options.SessionMinutes, 1, 24 * 60, "use 60.");
        Range(errors, "Web:LockoutFailures", options.LockoutFailures, 1, 100, "use 5.");
        Range(errors, "Web:LockoutMinutes", options.LockoutMinutes, 1, 24 * 60, "use 15.");
        Range(errors, "Web:LoginAttemptsPerMinute", options.LoginAttemptsPerMinute, 1, 1000, "use 10.");
        foreach (var proxy in options.KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            errors.Add("Web:KnownProxies", proxy, "is not an IP address.", "list the reverse proxy's address, e.g. 10.0.0.5.");
        }

        return errors.ToResult();
    }

    public static IReadOnlyList<string> SplitUrls(string? urls) =>
        (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool UrlsValid(string? urls)
    {
        var list = SplitUrls(urls);
        return list.Count > 0 && list.All(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !string.IsNullOrEmpty(uri.Host) && uri.AbsolutePath == "/");
    }

    private static bool TimeZoneExists(string id)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    private static void Range(ConfigErrors errors, string key, int value, int min, int max, string fix)
    {
        if (value < min || value > max)
        {
            errors.Add(key, value, $"must be {min}–{max}.", fix);
        }
    }
}
