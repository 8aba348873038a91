using Microsoft.AspNetCore.Http;

namespace SortStation.Central.Web.Security;

/// <summary>
/// Headers on every response: a Content-Security-Policy without inline script or style (the console has
/// none), no framing, no MIME sniffing, no referrer, and no caching of anything but the static files (pages
/// and API carry the plant's figures). HSTS only over TLS.
/// </summary>
internal static class SecurityHeaders
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; font-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static Task Apply(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = "max-age=31536000";
        }

        if (!context.Request.Path.StartsWithSegments("/static", StringComparison.OrdinalIgnoreCase))
        {
            // As antiforgery wants them on every page with a form (it warns and rewrites anything else).
            headers.CacheControl = "no-cache, no-store";
            headers.Pragma = "no-cache";
        }

        return next();
    }
}
