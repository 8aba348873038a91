namespace SortStation.Central.Accounts;

/// <summary>
/// What a console user or API key may do; each role includes the ones below it. Viewer: read every page and
/// the API. Operator: also act on the fleet (what the later ledger and model rollout add). Admin: also users,
/// API keys, re-running the clustering and settings.
/// </summary>
public enum ConsoleRole
{
    Viewer = 1,
    Operator = 2,
    Admin = 3,
}

/// <summary>The roles' names as stored, typed on the command line and put in claims: admin, operator, viewer.</summary>
public static class ConsoleRoles
{
    public static IReadOnlyList<string> Names { get; } = ["admin", "operator", "viewer"];

    public static string Name(this ConsoleRole role) => role switch
    {
        ConsoleRole.Admin => "admin",
        ConsoleRole.Operator => "operator",
        ConsoleRole.Viewer => "viewer",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? text, out ConsoleRole role)
    {
        role = text?.Trim().ToLowerInvariant() switch
        {
            "admin" => ConsoleRole.Admin,
            "operator" => ConsoleRole.Operator,
            "viewer" => ConsoleRole.Viewer,
            _ => 0,
        };
        return role != 0;
    }
}
