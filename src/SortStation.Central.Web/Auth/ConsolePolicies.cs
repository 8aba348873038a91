using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using SortStation.Central.Accounts;

namespace SortStation.Central.Web.Auth;

/// <summary>
/// Authorization policies by role name: <see cref="Viewer"/> (every signed-in user and key), <see cref="Operator"/>,
/// <see cref="Admin"/>. A role includes those below it. Pages and endpoints name these; the ledger, learning loop
/// and model rollout add theirs beside them.
/// </summary>
public static class ConsolePolicies
{
    public const string Viewer = "viewer";
    public const string Operator = "operator";
    public const string Admin = "admin";

    public static ConsoleRole? RoleOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true && ConsoleRoles.TryParse(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;
    }

    public static bool Allows(ClaimsPrincipal user, ConsoleRole required) => RoleOf(user) is { } role && role >= required;

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Viewer, p => p.RequireAssertion(c => Allows(c.User, ConsoleRole.Viewer)));
        options.AddPolicy(Operator, p => p.RequireAssertion(c => Allows(c.User, ConsoleRole.Operator)));
        options.AddPolicy(Admin, p => p.RequireAssertion(c => Allows(c.User, ConsoleRole.Admin)));

        // Everything needs a signed-in viewer unless it says [AllowAnonymous] (sign-in, set-up, language).
        options.FallbackPolicy = options.GetPolicy(Viewer);
    }
}
