using System.Security.Claims;
using SortStation.Central.Web.Auth;

namespace SortStation.Central.Web.Settings;

/// <summary>Who a change is recorded as: the user's name, or <c>apikey:NAME</c> (':' is never in an account name).</summary>
public static class SettingsActor
{
    public static string Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.Identity?.Name ?? "unknown";
        return user.Identity?.AuthenticationType == ConsoleClaims.ApiKeyScheme ? $"apikey:{name}" : name;
    }
}
