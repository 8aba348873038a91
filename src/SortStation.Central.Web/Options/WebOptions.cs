namespace SortStation.Central.Web.Options;

/// <summary>Section <c>Web</c>: the console served by <c>sortstation-central run</c>.</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>Serve the console (and its API) in this process. Off: ingest only, e.g. on a second instance.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where Kestrel listens, separated by ';'. Loopback by default: expose it through a TLS reverse proxy (README).</summary>
    public string Urls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>ISO 4217 code of the values shown (IDR: no decimals); weighings priced in another currency are counted apart.</summary>
    public string Currency { get; set; } = "IDR";

    /// <summary>IANA time zone of "today" and of the times shown, e.g. Asia/Jakarta; empty: the server's own.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Language when the browser names neither English nor Indonesian: en or id (the Settings page's language preference, when set, comes first).</summary>
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>A session ends after this many minutes without a request (sliding).</summary>
    public int SessionMinutes { get; set; } = 60;

    /// <summary>Consecutive wrong passwords that lock an account ...</summary>
    public int LockoutFailures { get; set; } = 5;

    /// <summary>... for this many minutes.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Sign-in attempts per minute from one client address (ASP.NET Core rate limiter); more get 429.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>Where the keys that sign session cookies and antiforgery tokens are kept (created 0700); relative to the working directory.</summary>
    public string KeysDirectory { get; set; } = "data/console-keys";

    /// <summary>Addresses of reverse proxies, besides loopback, whose X-Forwarded-For/-Proto are believed.</summary>
    public IList<string> KnownProxies { get; init; } = [];
}
