using System.Security.Claims;
using SortStation.Central.Accounts;

namespace SortStation.Central.Web.Auth;

/// <summary>The claims of a signed-in user or API key.</summary>
public static class ConsoleClaims
{
    /// <summary>The user's security stamp when the cookie was issued; a new password changes it and ends the session.</summary>
    public const string Stamp = "sortstation:stamp";

    public const string CookieScheme = "Cookies";
    public const string ApiKeyScheme = "ApiKey";
    public const string Scheme = "Console";

    public static ClaimsPrincipal For(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role.Name()), new Claim(Stamp, user.SecurityStamp)],
            CookieScheme);
        return new ClaimsPrincipal(identity);
    }

    public static ClaimsPrincipal For(ApiKeyAccount key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, key.Name), new Claim(ClaimTypes.Role, key.Role.Name())], ApiKeyScheme);
        return new ClaimsPrincipal(identity);
    }

    public static bool ByCookie(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, AuthenticationType: CookieScheme };
}
