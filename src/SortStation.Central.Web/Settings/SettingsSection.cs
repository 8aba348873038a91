namespace SortStation.Central.Web.Settings;

/// <summary>One read-only group of the effective configuration (title: resource <c>Settings.Section.{Id}</c>).</summary>
public sealed record SettingsSection(string Id, IReadOnlyList<SettingEntry> Entries);

/// <summary>
/// One value central runs with. <see cref="Id"/> names its label (resource <c>Setting.{Id}</c>); <see cref="ConfigKey"/>
/// is where a technician changes it (null for a value derived or fixed in code); <see cref="Value"/> is null when
/// not set. Secrets are never values here: only where they come from.
/// </summary>
public sealed record SettingEntry(string Id, string? Value, string? ConfigKey)
{
    public static SettingEntry Of(string configKey, string? value) =>
        new(configKey.Replace(':', '.'), string.IsNullOrWhiteSpace(value) ? null : value, configKey);

    public static SettingEntry Of(string configKey, bool value) => Of(configKey, value ? "true" : "false");

    public static SettingEntry Of(string configKey, double value) => Of(configKey, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>
/// Sections of the Settings page and <c>/api/settings</c>, in registration order. Central's configuration is one
/// source; the ledger and the model rollout register theirs.
/// </summary>
public interface ISettingsSource
{
    Task<IReadOnlyList<SettingsSection>> ReadAsync(CancellationToken cancellationToken);
}
