namespace SortStation.Central.Settings;

/// <summary>
/// The <c>settings</c> table: settings changed at run time (the console's preferences now; the ledger's and the
/// model rollout's later), append-only. A setting's value is its newest row; never updated or deleted.
/// </summary>
public interface ISettingsStore
{
    /// <summary>The newest row of every setting ever changed.</summary>
    Task<IReadOnlyList<SettingChange>> CurrentAsync(CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="limit"/> changes, newest first, each with the value it replaced.</summary>
    Task<IReadOnlyList<SettingChange>> HistoryAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Adds a row unless <paramref name="value"/> is the setting's value already; true when a row was added.</summary>
    Task<bool> AppendAsync(string section, string name, string value, DateTimeOffset at, string by, CancellationToken cancellationToken);
}
