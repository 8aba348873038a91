using SortStation.Central.Stations;

namespace SortStation.Central.Web.Settings;

/// <summary>Everything the Settings page shows, and <c>GET /api/settings</c>.</summary>
public sealed record SettingsView(
    IReadOnlyList<PreferenceView> Preferences,
    IReadOnlyList<PreferenceChangeView> History,
    StationRegistrationView Stations,
    IReadOnlyList<SettingsSection> Sections);

/// <summary>A preference in force: its value, the choices, and who last changed it (null while it is the default).</summary>
public sealed record PreferenceView(string Key, string Value, string Default, IReadOnlyList<string> Allowed, DateTimeOffset? ChangedAt, string? ChangedBy);

/// <summary>One recorded change: <see cref="From"/> is null when the setting was at its default before.</summary>
public sealed record PreferenceChangeView(string Key, string? From, string To, DateTimeOffset At, string By);

/// <summary>
/// The stations registered with <c>stations add</c>. Provisioning stays on the command line of the central server:
/// it writes the broker's password file and reloads the broker, which the console (rightly) cannot.
/// </summary>
public sealed record StationRegistrationView(bool RequireRegistered, string AddCommand, string RevokeCommand, IReadOnlyList<RegisteredStation> Registered);
