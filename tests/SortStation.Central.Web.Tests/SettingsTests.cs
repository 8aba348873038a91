using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SortStation.Central.Accounts;
using SortStation.Central.Settings;
using SortStation.Central.Stations;
using SortStation.Central.Web.Auth;
using SortStation.Central.Web.Tests.Support;

namespace SortStation.Central.Web.Tests;

/// <summary>The Settings page and <c>/api/settings</c>: admins only, the effective configuration without secrets, preferences recorded and applied.</summary>
public sealed class SettingsTests
{
    [Theory]
    [InlineData("viewer")]
    [InlineData("operator")]
    public async Task Settings_NotAdmin_ForbiddenAndNothingRecorded(string user)
    {
        using var console = await EmptyConsole.WithUsersAsync();
        using var client = await console.SignedInAsync(user);
        using var get = await client.GetAsync("/api/settings");
        using var put = await PutAsync(client, "console.dashboardPeriod", "7d", await AntiforgeryAsync(client));
        using var page = await client.GetAsync("/settings");
        using var form = await client.PostAsync("/settings", Form(("console.dashboardPeriod", "7d"), ("__RequestVerificationToken", await ConsoleClient.TokenAsync(client, "/"))));
        var home = await client.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal("/denied", page.Headers.Location?.AbsolutePath);
        Assert.Equal("/denied", form.Headers.Location?.AbsolutePath);
        Assert.DoesNotContain("href=\"/settings\"", home, StringComparison.Ordinal); // not in the menu
        Assert.Empty(await Store(console).HistoryAsync(10, default));
    }

    [Fact]
    public async Task Settings_Admin_EffectiveConfigurationWithoutSecretsAndRegisteredStations()
    {
        const string Variable = "SORTSTATION_SETTINGS_TEST_MQTT_PASSWORD";
        Environment.SetEnvironmentVariable(Variable, "hunter2-never-shown");
        try
        {
            using var console = await EmptyConsole.WithUsersAsync(
                ("Mqtt:Username", "central"), ("Mqtt:PasswordEnvironmentVariable", Variable), ("Central:MaxRecordAgeDays", "45"), ("Clustering:KRange", "2-8"), ("Web:Urls", "http://127.0.0.1:8090"));
            var registeredAt = DateTimeOffset.Parse("2026-11-02T03:04:05Z", System.Globalization.CultureInfo.InvariantCulture);
            await console.Factory.Services.GetRequiredService<IStationStore>().AddAsync("station-07", registeredAt, null, default);
            using var client = await console.SignedInAsync("admin");
            var text = await client.GetStringAsync("/api/settings");
            using var json = JsonDocument.Parse(text);
            var values = Entries(json.RootElement);
            var station = json.RootElement.GetProperty("stations").GetProperty("registered").EnumerateArray().Single();
            var html = await client.GetStringAsync("/settings");

            Assert.Equal("Sqlite", values["Storage.Provider"]);
            Assert.Equal(console.Database.Storage["Storage:SqlitePath"], values["Storage.SqlitePath"]);
            Assert.Equal("sortstation", values["Mqtt.TopicPrefix"]);
            Assert.Equal(Variable, values["Mqtt.PasswordEnvironmentVariable"]);
            Assert.Equal("false", values["Central.RequireRegisteredStations"]);
            Assert.Equal("45", values["Central.MaxRecordAgeDays"]);
            Assert.Equal("2-8", values["Clustering.KRange"]);
            Assert.Equal("weight_kg, unit_price", values["Clustering.Features"]);
            Assert.Equal("IDR", values["Web.Currency"]);
            Assert.Equal("Rp 1,234,568 (en) · Rp 1.234.568 (id)", values["Web.CurrencyFormat"]);
            Assert.Equal("Asia/Jakarta (UTC+07:00)", values["Web.TimeZone"]);
            Assert.Equal("http://127.0.0.1:8090", values["Web.Urls"]);
            Assert.Equal(("station-07", registeredAt), (station.GetProperty("stationId").GetString(), station.GetProperty("registeredAt").GetDateTimeOffset()));
            Assert.Contains("sudo sortstation-central stations add STATION_ID", html, StringComparison.Ordinal);
            Assert.Contains("data-station=\"station-07\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2-never-shown", text, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2-never-shown", html, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Variable, null);
        }
    }

    [Fact]
    public async Task PutPreference_Admin_RecordedOnceWithWhoAndWhenAndDashboardUsesIt()
    {
        using var console = await EmptyConsole.WithUsersAsync();
        using var client = await console.SignedInAsync("admin");
        var token = await AntiforgeryAsync(client);
        Assert.Contains("<option value=\"today\" selected=\"selected\"", await client.GetStringAsync("/"), StringComparison.Ordinal);

        using var first = await PutAsync(client, "console.dashboardPeriod", "7d", token);
        using var again = await PutAsync(client, "console.dashboardPeriod", "7d", token);
        using var asDefault = await PutAsync(client, "console.language", "browser", token); // the default: nothing changes
        using var invalid = await PutAsync(client, "console.dashboardPeriod", "90d", token);
        using var unknown = await PutAsync(client, "console.colour", "green", token);
        var dashboard = await client.GetStringAsync("/");
        var history = await Store(console).HistoryAsync(10, default);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetBoolean());
        Assert.False((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetBoolean());
        Assert.False((await asDefault.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var change = Assert.Single(history);
        Assert.Equal(("console", "dashboardPeriod", "7d", (string?)null, "admin"), (change.Section, change.Name, change.Value, change.Previous, change.ChangedBy));
        Assert.True(DateTimeOffset.UtcNow - change.ChangedAt < TimeSpan.FromMinutes(1));
        Assert.Contains("<option value=\"7d\" selected=\"selected\"", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutPreference_CookieWithoutToken400_ApiKeyRecordedAsKey()
    {
        using var console = await EmptyConsole.WithUsersAsync();
        using var cookie = await console.SignedInAsync("admin");
        using var noToken = await cookie.PutAsJsonAsync("/api/settings/preferences/console.dashboardPeriod", new { value = "30d" });
        var (key, account) = ApiKeys.Create("automation", ConsoleRole.Admin, DateTimeOffset.UtcNow);
        await console.Factory.Services.GetRequiredService<IAccountStore>().AddApiKeyAsync(account, default);
        using var machine = console.Factory.Client();
        machine.DefaultRequestHeaders.Add(ApiKeys.Header, key);
        using var byKey = await machine.PutAsJsonAsync("/api/settings/preferences/console.dashboardPeriod", new { value = "30d" });

        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byKey.StatusCode);
        Assert.Equal("apikey:automation", Assert.Single(await Store(console).HistoryAsync(10, default)).ChangedBy);
    }

    [Fact]
    public async Task LanguagePreference_OverridesTheBrowserButNotTheUsersOwnChoice()
    {
        using var console = await EmptyConsole.WithUsersAsync();
        using var admin = await console.SignedInAsync("admin");
        using var set = await PutAsync(admin, "console.language", "id", await AntiforgeryAsync(admin));
        using var english = console.Factory.Client();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");
        var indonesian = await english.GetStringAsync("/login");
        using var chosen = console.Factory.Client();
        chosen.DefaultRequestHeaders.Add("Cookie", "sortstation.lang=c%3Den%7Cuic%3Den");
        var own = await chosen.GetStringAsync("/login");
        using var back = await PutAsync(admin, "console.language", "browser", await AntiforgeryAsync(admin));
        var browser = await english.GetStringAsync("/login");

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Contains("lang=\"id\"", indonesian, StringComparison.Ordinal);
        Assert.Contains("Kata sandi", indonesian, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", own, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", browser, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingsForm_SaveInvalidAndWithoutToken()
    {
        using var console = await EmptyConsole.WithUsersAsync();
        using var client = await console.SignedInAsync("admin");
        var token = await ConsoleClient.TokenAsync(client, "/settings");
        using var saved = await client.PostAsync("/settings", Form(("console.language", "id"), ("console.dashboardPeriod", "30d"), ("__RequestVerificationToken", token)));
        using var invalid = await client.PostAsync("/settings", Form(("console.language", "en"), ("console.dashboardPeriod", "1y"), ("__RequestVerificationToken", token)));
        using var noToken = await client.PostAsync("/settings", Form(("console.language", "en")));
        var page = await client.GetStringAsync("/settings?saved=2");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/settings?saved=2", saved.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("data-testid=\"settings-error\"", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        var history = await Store(console).HistoryAsync(10, default);
        Assert.Equal(["console.dashboardPeriod=30d", "console.language=id"], history.Select(h => $"{h.Section}.{h.Name}={h.Value}").Order());
        Assert.Contains("data-testid=\"settings-history\"", page, StringComparison.Ordinal);
        Assert.Contains("diubah oleh admin", page, StringComparison.Ordinal); // the page that follows is in the new language
    }

    [Theory]
    [InlineData("en")]
    [InlineData("id")]
    public async Task SettingsPage_EveryLabelTranslated(string language)
    {
        using var console = await EmptyConsole.WithUsersAsync();
        await console.Factory.Services.GetRequiredService<IStationStore>().AddAsync("station-01", DateTimeOffset.UtcNow, null, default);
        using var client = await console.SignedInAsync("admin");
        using (await PutAsync(client, "console.dashboardPeriod", "7d", await AntiforgeryAsync(client)))
        {
        }

        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var html = await client.GetStringAsync("/settings");

        Assert.Contains($"lang=\"{language}\"", html, StringComparison.Ordinal);
        // A missing resource shows its key: none may (labels, section titles, preference choices, history).
        Assert.DoesNotMatch(@">\s*(Setting|Settings|Pref)\.[A-Za-z]", html);
    }

    internal static Dictionary<string, string?> Entries(JsonElement root) =>
        root.GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("entries").EnumerateArray())
            .ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("value").GetString());

    private static ISettingsStore Store(EmptyConsole console) => console.Factory.Services.GetRequiredService<ISettingsStore>();

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) => new(fields.ToDictionary(f => f.Key, f => f.Value));

    private static async Task<string> AntiforgeryAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<Dictionary<string, string>>("/api/antiforgery"))!["token"];

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string key, string value, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/settings/preferences/{key}") { Content = JsonContent.Create(new { value }) };
        request.Headers.Add("X-CSRF-TOKEN", token);
        return client.SendAsync(request);
    }
}
