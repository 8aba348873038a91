namespace SortStation.Central.Web.Settings;

/// <summary>
/// A setting an admin changes in the console, kept in the <c>settings</c> table (append-only, audited) and applied
/// at once. One choice among <see cref="Allowed"/>; <see cref="Default"/> until it is first changed. Register one
/// as a singleton and the Settings page and <c>/api/settings</c> show it under its section: the ledger and the
/// model rollout add theirs this way.
/// </summary>
public sealed record PreferenceDefinition(string Section, string Name, IReadOnlyList<string> Allowed, string Default)
{
    /// <summary><c>section.name</c>: the API's key, the form's field and the resource key's stem (<c>Pref.{Key}</c>).</summary>
    public string Key => $"{Section}.{Name}";

    public bool Allows(string? value) => value is not null && Allowed.Contains(value, StringComparer.Ordinal);
}
