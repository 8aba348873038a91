using SortStation.Central.Web.Auth;

namespace SortStation.Central.Web.Navigation;

/// <summary>
/// The console's menu: page, title (a resource key) and the policy it needs; the layout shows what the user may
/// open. The ledger, learning loop and model rollout add their pages here.
/// </summary>
public static class ConsoleNav
{
    public static IReadOnlyList<NavItem> Items { get; } =
    [
        new("/", "Nav.Dashboard", ConsolePolicies.Viewer),
        new("/weighings", "Nav.Weighings", ConsolePolicies.Viewer),
        new("/stations", "Nav.Stations", ConsolePolicies.Viewer),
        new("/clusters", "Nav.Clusters", ConsolePolicies.Viewer),
        new("/users", "Nav.Users", ConsolePolicies.Admin),
        new("/settings", "Nav.Settings", ConsolePolicies.Admin),
    ];
}

public sealed record NavItem(string Path, string TitleKey, string Policy);
