using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SortStation.Central.Web.Auth;
using SortStation.Central.Web.Settings;

namespace SortStation.Central.Web.Api;

/// <summary><c>GET /api/settings</c> and <c>PUT /api/settings/preferences/{key}</c>, admin only.</summary>
internal static class SettingsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/settings").RequireAuthorization(ConsolePolicies.Admin);
        settings.MapGet("/", async (SettingsReader reader, CancellationToken ct) => Results.Ok(await reader.ReadAsync(ct)));

        settings.MapPut("/preferences/{key}", async (string key, PreferenceRequest? body, ClaimsPrincipal user, Preferences preferences, CancellationToken ct) =>
        {
            if (preferences.Find(key) is not { } definition)
            {
                return Results.Problem($"There is no preference {key}; there are: {string.Join(", ", preferences.Definitions.Select(d => d.Key))}.", statusCode: StatusCodes.Status404NotFound);
            }

            if (!definition.Allows(body?.Value))
            {
                return ApiResults.Invalid("value", $"one of {string.Join(", ", definition.Allowed)}");
            }

            var changed = await preferences.SetAsync(definition, body!.Value!, SettingsActor.Of(user), ct);
            var now = (await preferences.ReadAsync(ct)).Single(v => v.Definition.Key == key);
            return Results.Ok(new { key, value = now.Value, changed, changedAt = now.ChangedAt, changedBy = now.ChangedBy });
        });
    }
}

public sealed record PreferenceRequest(string? Value);
