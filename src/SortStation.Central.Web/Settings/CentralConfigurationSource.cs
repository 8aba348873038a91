using System.Globalization;
using Microsoft.Extensions.Options;
using SortStation.Central.Options;
using SortStation.Central.Recluster;
using SortStation.Central.Web.Localization;
using SortStation.Central.Web.Options;

namespace SortStation.Central.Web.Settings;

/// <summary>
/// The configuration this process runs with, as validated at start (appsettings.json, /etc/sortstation/central.json,
/// --config, environment): what matters to whoever runs the plant or the waste bank, secrets as their source only.
/// </summary>
public sealed class CentralConfigurationSource(
    IOptions<StorageOptions> storage,
    IOptions<CentralMqttOptions> mqtt,
    IOptions<CentralOptions> central,
    IOptions<CentralClusteringOptions> clustering,
    IOptions<WebOptions> web,
    ConsoleClock clock) : ISettingsSource
{
    public Task<IReadOnlyList<SettingsSection>> ReadAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SettingsSection>>([Storage(), Mqtt(), Ingest(), Clustering(), Console()]);

    private SettingsSection Storage()
    {
        var s = storage.Value;
        return new("storage", s.Provider == StorageProvider.Postgres
            ?
            [
                SettingEntry.Of("Storage:Provider", s.Provider.ToString()),
                SettingEntry.Of("Storage:PostgresConnectionString", SecretText.ConnectionString(s.PostgresConnectionString)),
                SettingEntry.Of("Storage:PostgresPasswordFile", s.PostgresPasswordFile),
            ]
            :
            [
                SettingEntry.Of("Storage:Provider", s.Provider.ToString()),
                SettingEntry.Of("Storage:SqlitePath", Path.GetFullPath(s.SqlitePath)),
            ]);
    }

    private SettingsSection Mqtt()
    {
        var m = mqtt.Value;
        return new("mqtt",
        [
            SettingEntry.Of("Mqtt:Broker", SecretText.Url(m.Broker)),
            SettingEntry.Of("Mqtt:TopicPrefix", m.TopicPrefix),
            SettingEntry.Of("Mqtt:SharedGroup", m.SharedGroup),
            SettingEntry.Of("Mqtt:Username", m.Username),
            // Where the password comes from, never the password.
            SettingEntry.Of("Mqtt:PasswordFile", m.PasswordFile),
            SettingEntry.Of("Mqtt:PasswordEnvironmentVariable", m.PasswordEnvironmentVariable),
            SettingEntry.Of("Mqtt:CaFile", m.CaFile),
        ]);
    }

    private SettingsSection Ingest()
    {
        var c = central.Value;
        return new("ingest",
        [
            SettingEntry.Of("Central:InstanceId", c.InstanceId),
            SettingEntry.Of("Central:RequireRegisteredStations", c.RequireRegisteredStations),
            SettingEntry.Of("Central:MaxRecordAgeDays", c.MaxRecordAgeDays),
            SettingEntry.Of("Central:MaxClockAheadSeconds", c.MaxClockAheadSeconds),
        ]);
    }

    private SettingsSection Clustering()
    {
        var c = clustering.Value;
        return new("clustering",
        [
            SettingEntry.Of("Clustering:Enabled", c.Enabled),
            SettingEntry.Of("Clustering:IntervalMinutes", c.IntervalMinutes),
            SettingEntry.Of("Clustering:GroupBy", c.GroupBy),
            new SettingEntry("Clustering.Features", string.Join(", ", FleetAnalysis.Features), null), // fixed in code
            SettingEntry.Of("Clustering:PeriodDays", c.PeriodDays),
            SettingEntry.Of("Clustering:KRange", c.KRange),
            SettingEntry.Of("Clustering:Scale", c.Scale),
            SettingEntry.Of("Clustering:Seed", c.Seed.ToString(CultureInfo.InvariantCulture)),
            SettingEntry.Of("Clustering:ReportDirectory", string.IsNullOrWhiteSpace(c.ReportDirectory) ? null : Path.GetFullPath(c.ReportDirectory)),
        ]);
    }

    private SettingsSection Console()
    {
        var w = web.Value;
        const decimal Sample = 1234567.5m;
        var offset = clock.Zone.GetUtcOffset(clock.Now);
        return new("console",
        [
            SettingEntry.Of("Web:Urls", w.Urls),
            SettingEntry.Of("Web:Currency", w.Currency),
            new SettingEntry("Web.CurrencyFormat", $"{Money.Format(Sample, w.Currency, CultureInfo.GetCultureInfo("en"))} (en) · {Money.Format(Sample, w.Currency, CultureInfo.GetCultureInfo("id"))} (id)", null),
            SettingEntry.Of("Web:TimeZone", $"{clock.Zone.Id} (UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm})"),
            SettingEntry.Of("Web:DefaultLanguage", w.DefaultLanguage),
            SettingEntry.Of("Web:SessionMinutes", w.SessionMinutes),
            SettingEntry.Of("Web:LockoutFailures", w.LockoutFailures),
            SettingEntry.Of("Web:LockoutMinutes", w.LockoutMinutes),
            SettingEntry.Of("Web:LoginAttemptsPerMinute", w.LoginAttemptsPerMinute),
            SettingEntry.Of("Web:KnownProxies", string.Join(", ", w.KnownProxies)),
        ]);
    }
}
