using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SortStation.Central.Accounts;
using SortStation.Central.Web.Auth;

namespace SortStation.Central.Web.Api;

/// <summary><c>/api/me</c>, <c>/api/antiforgery</c>, and the users (admin only).</summary>
internal static class AccountEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/me", (ClaimsPrincipal user) => Results.Ok(new
        {
            name = user.Identity?.Name,
            role = user.FindFirstValue(ClaimTypes.Role),
            authenticatedBy = user.Identity?.AuthenticationType == ConsoleClaims.ApiKeyScheme ? "api-key" : "cookie",
        }));

        api.MapGet("/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            return Results.Ok(new { headerName = tokens.HeaderName, token = tokens.RequestToken });
        });

        var users = api.MapGroup("/users").RequireAuthorization(ConsolePolicies.Admin);
        users.MapGet("/", async (IAccountStore store, CancellationToken ct) =>
            Results.Ok((await store.ListUsersAsync(ct)).Select(u => new UserView(u.Name, u.Role.Name(), u.CreatedAt, u.LastLoginAt, u.LockedUntil))));

        users.MapPost("/", async (NewUserRequest? body, AccountService accounts, CancellationToken ct) =>
        {
            if (!ConsoleRoles.TryParse(body?.Role, out var role))
            {
                return ApiResults.Invalid("role", "admin, operator or viewer");
            }

            var problem = await accounts.AddUserAsync(body!.Name ?? string.Empty, role, body.Password ?? string.Empty, ct);
            return problem is null ? Results.Created($"/api/users/{body.Name}", new { name = body.Name, role = role.Name() }) : ApiResults.Invalid("user", problem);
        });

        users.MapDelete("/{name}", async (string name, ClaimsPrincipal user, IAccountStore store, CancellationToken ct) =>
            string.Equals(name, user.Identity?.Name, StringComparison.Ordinal) ? ApiResults.Invalid("name", "you cannot remove yourself")
            : await store.RemoveUserAsync(name, ct) ? Results.NoContent()
            : Results.NotFound());
    }
}
