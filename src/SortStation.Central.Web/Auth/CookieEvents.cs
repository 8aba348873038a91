using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SortStation.Central.Accounts;

namespace SortStation.Central.Web.Auth;

/// <summary>
/// The session cookie's checks: on every request the user must still exist with the same security stamp (a
/// removed user or a new password ends the session at once), and its role is read again. API paths answer
/// 401/403 instead of redirecting to the sign-in page.
/// </summary>
public sealed class CookieEvents : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.Principal?.FindFirstValue(ClaimTypes.Name);
        var stamp = context.Principal?.FindFirstValue(ConsoleClaims.Stamp);
        var store = context.HttpContext.RequestServices.GetRequiredService<IAccountStore>();
        var user = name is null ? null : await store.FindUserAsync(name, context.HttpContext.RequestAborted);
        if (user is null || !string.Equals(user.SecurityStamp, stamp, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(ConsoleClaims.CookieScheme);
            return;
        }

        if (context.Principal!.FindFirstValue(ClaimTypes.Role) != user.Role.Name())
        {
            context.ReplacePrincipal(ConsoleClaims.For(user));
            context.ShouldRenew = true;
        }
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        StatusForApi(context, StatusCodes.Status401Unauthorized) ?? base.RedirectToLogin(context);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        StatusForApi(context, StatusCodes.Status403Forbidden) ?? base.RedirectToAccessDenied(context);

    /// <summary>An API caller gets the status code, not a redirect to a page; null for a browser page.</summary>
    private static Task? StatusForApi(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsApi(context.Request))
        {
            return null;
        }

        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    internal static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
