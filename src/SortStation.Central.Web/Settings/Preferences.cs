using SortStation.Central.Settings;

namespace SortStation.Central.Web.Settings;

/// <summary>
/// The preferences in force, read from the <c>settings</c> table and kept for <see cref="Fresh"/> (every request
/// asks for the language): this instance's own changes apply at once, another instance's within that time.
/// </summary>
public sealed class Preferences(ISettingsStore store, IEnumerable<PreferenceDefinition> definitions, TimeProvider time)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(30);

    private volatile Snapshot? _snapshot;

    public IReadOnlyList<PreferenceDefinition> Definitions { get; } = [.. definitions];

    public PreferenceDefinition? Find(string? key) => Definitions.FirstOrDefault(d => string.Equals(d.Key, key, StringComparison.Ordinal));

    public async Task<IReadOnlyList<PreferenceValue>> ReadAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is null || time.GetUtcNow() - snapshot.At >= Fresh)
        {
            var at = time.GetUtcNow();
            var current = await store.CurrentAsync(cancellationToken);
            snapshot = new Snapshot(at, [.. Definitions.Select(d => Effective(d, current))]);
            _snapshot = snapshot;
        }

        return snapshot.Values;
    }

    public async Task<string> GetAsync(PreferenceDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return (await ReadAsync(cancellationToken)).FirstOrDefault(v => v.Definition.Key == definition.Key)?.Value ?? definition.Default;
    }

    /// <summary>
    /// Records the change (who, when) unless the value is in force already (the default included, read from the
    /// database, not the cache); true when a change was recorded.
    /// </summary>
    public async Task<bool> SetAsync(PreferenceDefinition definition, string value, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!definition.Allows(value))
        {
            throw new ArgumentException($"{definition.Key}: one of {string.Join(", ", definition.Allowed)}", nameof(value));
        }

        if (Effective(definition, await store.CurrentAsync(cancellationToken)).Value == value)
        {
            return false;
        }

        var added = await store.AppendAsync(definition.Section, definition.Name, value, time.GetUtcNow(), by, cancellationToken);
        _snapshot = null;
        return added;
    }

    // A stored value this version does not offer (written by a later version, or by hand) counts as the default.
    private static PreferenceValue Effective(PreferenceDefinition definition, IReadOnlyList<SettingChange> current) =>
        current.FirstOrDefault(c => c.Section == definition.Section && c.Name == definition.Name) is { } row && definition.Allows(row.Value)
            ? new PreferenceValue(definition, row.Value, row.ChangedAt, row.ChangedBy)
            : new PreferenceValue(definition, definition.Default, null, null);

    private sealed record Snapshot(DateTimeOffset At, IReadOnlyList<PreferenceValue> Values);
}
