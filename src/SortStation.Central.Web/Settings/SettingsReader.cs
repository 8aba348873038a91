using Microsoft.Extensions.Options;
using SortStation.Central.Options;
using SortStation.Central.Settings;
using SortStation.Central.Stations;

namespace SortStation.Central.Web.Settings;

/// <summary>Builds <see cref="SettingsView"/>: the preferences and their history, the registered stations, and every settings source.</summary>
public sealed class SettingsReader(Preferences preferences, ISettingsStore store, IStationStore stations, IEnumerable<ISettingsSource> sources, IOptions<CentralOptions> central)
{
    public const int HistoryLength = 50;
    public const string AddCommand = "sudo sortstation-central stations add STATION_ID";
    public const string RevokeCommand = "sudo sortstation-central stations revoke STATION_ID";

    public async Task<SettingsView> ReadAsync(CancellationToken cancellationToken)
    {
        var values = await preferences.ReadAsync(cancellationToken);
        var history = await store.HistoryAsync(HistoryLength, cancellationToken);
        var registered = await stations.ReadAllAsync(cancellationToken);
        var sections = new List<SettingsSection>();
        foreach (var source in sources)
        {
            sections.AddRange(await source.ReadAsync(cancellationToken));
        }

        return new SettingsView(
            [.. values.Select(v => new PreferenceView(v.Definition.Key, v.Value, v.Definition.Default, v.Definition.Allowed, v.ChangedAt, v.ChangedBy))],
            [.. history.Select(h => new PreferenceChangeView($"{h.Section}.{h.Name}", h.Previous, h.Value, h.ChangedAt, h.ChangedBy))],
            new StationRegistrationView(central.Value.RequireRegisteredStations, AddCommand, RevokeCommand, registered),
            sections);
    }
}
