using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SortStation.Central.Options;
using SortStation.Central.Recluster;
using SortStation.Central.Stations;
using SortStation.Central.Storage;
using SortStation.Central.Web.Tests.Support;

namespace SortStation.Central.Web.Tests;

/// <summary>
/// The console in a real browser (Debian's chromium through Playwright): sign in, dashboard totals, a live
/// weighing without reload, filter and export, clusters and predict, Bahasa Indonesia, sign out. Each page's
/// screenshot is saved to docs/console/ (shown in the README).
/// </summary>
public sealed class BrowserTests(BrowserConsole console) : IClassFixture<BrowserConsole>
{
    private static readonly CultureInfo English = new("en");

    [ChromiumFact]
    public async Task Login_WrongThenRightPassword_Dashboard()
    {
        var context = await console.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(console.Url + "/weighings");
        Assert.StartsWith(console.Url + "/login", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#Name", BrowserConsole.Admin);
        await page.FillAsync("#Password", "not-the-password");
        await page.ClickAsync("[data-testid=sign-in]");
        await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToContainTextAsync("Wrong name or password");
        await BrowserConsole.ScreenshotAsync(page, "login");
        await page.FillAsync("#Password", ConsoleFactory.Password);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForURLAsync(console.Url + "/weighings"); // back where the user was going
        await context.CloseAsync();
    }

    [ChromiumFact]
    public async Task Dashboard_30Days_TotalsEqualSeededData()
    {
        var page = await console.SignedInPageAsync();
        await page.SelectOptionAsync("[data-testid=period]", "30d");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync("**/?period=30d**");
        // The seeded data (plus the live test's weighing, if it ran first), summed by plain SQL.
        var labels = await IndependentSql.GroupAsync(console.Database, "label", console.Now.AddDays(-30), DateTimeOffset.UtcNow.AddMinutes(1));
        await Assertions.Expect(page.Locator("[data-testid=total-items]")).ToHaveTextAsync(labels.Sum(l => l.Items).ToString("N0", English));
        await Assertions.Expect(page.Locator("[data-testid=total-weight]")).ToHaveTextAsync(labels.Sum(l => l.WeightKg).ToString("N1", English));
        await Assertions.Expect(page.Locator("[data-testid=total-value]")).ToHaveTextAsync("Rp " + labels.Sum(l => l.Value).ToString("N0", English));
        var metal = labels.Single(l => l.Key == "metal").Items;
        await Assertions.Expect(page.Locator("[data-testid=per-label] tr[data-key=metal] td").Nth(1)).ToHaveTextAsync(metal.ToString("N0", English));
        await Assertions.Expect(page.Locator("[data-testid=stations] tr[data-station=station-04] .status")).ToHaveTextAsync("offline");
        await BrowserConsole.ScreenshotAsync(page, "dashboard");
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task Dashboard_NewWeighing_AppearsWithoutReload()
    {
        var page = await console.SignedInPageAsync();
        await page.GotoAsync(console.Url + "/?period=30d");
        await Assertions.Expect(page.Locator("body[data-live=connected]")).ToHaveCountAsync(1); // the event stream is open
        var before = await page.Locator("[data-testid=total-items]").InnerTextAsync();
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        var record = await console.IngestAsync();

        await Assertions.Expect(page.Locator($"tr[data-item='{record.ItemId}']")).ToHaveCountAsync(1);
        var after = long.Parse(await page.Locator("[data-testid=total-items]").InnerTextAsync(), NumberStyles.AllowThousands, English);
        Assert.Equal(long.Parse(before, NumberStyles.AllowThousands, English) + 1, after);
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task Weighings_FilterAndExport_RowsEqualFilter()
    {
        var page = await console.SignedInPageAsync();
        await page.GotoAsync(console.Url + "/weighings");
        await page.SelectOptionAsync("select[name=station]", "station-02");
        await page.SelectOptionAsync("select[name=label]", "metal");
        await page.ClickAsync("[data-testid=apply-filters]");
        await page.WaitForURLAsync("**/weighings?*station=station-02*");
        var expected = (await IndependentSql.IdsAsync(console.Database, "station_id = 'station-02' AND label = 'metal'")).Take(50).ToList();
        var rows = page.Locator("[data-testid=weighings] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(expected.Count);
        Assert.Equal(expected, await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.item)"));
        await BrowserConsole.ScreenshotAsync(page, "weighings");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export]"));
        var file = Path.Combine(console.Dir.Path, download.SuggestedFilename);
        await download.SaveAsAsync(file);
        var lines = File.ReadAllLines(file).Skip(1).ToList();
        var all = await IndependentSql.IdsAsync(console.Database, "station_id = 'station-02' AND label = 'metal'");
        Assert.Equal(all, lines.Select(l => l.Split(',')[0]).ToList());
        Assert.All(lines, l => Assert.Equal(["station-02", "metal"], new[] { l.Split(',')[1], l.Split(',')[3] }));
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task Clusters_PredictForm_EqualsClusteringLibrary()
    {
        var page = await console.SignedInPageAsync();
        await page.GotoAsync(console.Url + "/clusters");
        await Assertions.Expect(page.Locator("[data-testid=chosen-k]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("img[src^='/charts/clusters.svg']")).ToBeVisibleAsync();
        Assert.True(await page.Locator("img.chart").EvaluateAllAsync<bool>("imgs => imgs.every(i => i.complete && i.naturalWidth > 0)"));

        var options = new CentralClusteringOptions();
        var totals = await console.Host.Services.GetRequiredService<IWeighingStore>().AggregateAsync(options.ParsedGroupBy, DateTimeOffset.UtcNow.AddDays(-options.PeriodDays), default);
        var expected = FleetAnalysis.Run(totals, options, default).Predictor.Predict([25, 6000]);
        await page.FillAsync("input[name=WeightKg]", "25");
        await page.FillAsync("input[name=UnitPrice]", "6000");
        await page.ClickAsync("[data-testid=predict]");
        await Assertions.Expect(page.Locator("[data-testid=prediction]")).ToHaveAttributeAsync("data-cluster", expected.ClusterId.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("[data-testid=prediction]")).ToContainTextAsync(expected.Label);
        await BrowserConsole.ScreenshotAsync(page, "clusters");
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task StationsAndUsers_Pages_Render()
    {
        var page = await console.SignedInPageAsync();
        await page.GotoAsync(console.Url + "/stations");
        await Assertions.Expect(page.Locator("[data-testid=stations] tbody tr")).ToHaveCountAsync(SeededConsole.Stations);
        await Assertions.Expect(page.Locator("tr[data-station=station-03]")).ToContainTextAsync("scale: Faulted");
        await BrowserConsole.ScreenshotAsync(page, "stations");
        await page.GotoAsync(console.Url + "/users");
        await Assertions.Expect(page.Locator($"[data-testid=users] tr[data-user={BrowserConsole.Admin}]")).ToHaveCountAsync(1);
        await BrowserConsole.ScreenshotAsync(page, "users");
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task Settings_DashboardPeriodPreference_RecordedAndApplied()
    {
        var registry = console.Host.Services.GetRequiredService<IStationStore>();
        for (var i = 1; i <= SeededConsole.Stations; i++)
        {
            await registry.AddAsync($"station-{i:00}", console.Now.AddDays(-30 + i), null, default);
        }

        var page = await console.SignedInPageAsync();
        await page.ClickAsync("nav.main a[href='/settings']");
        await page.WaitForURLAsync(console.Url + "/settings");
        await Assertions.Expect(page.Locator("[data-testid=registered-stations] tbody tr")).ToHaveCountAsync(SeededConsole.Stations);
        await Assertions.Expect(page.Locator("tr[data-setting='Web.CurrencyFormat'] td.value")).ToHaveTextAsync("Rp 1,234,568 (en) · Rp 1.234.568 (id)");
        await Assertions.Expect(page.Locator("[data-testid=provisioning]")).ToContainTextAsync("sortstation-central stations add");

        await page.SelectOptionAsync("select[name='console.dashboardPeriod']", "7d");
        await page.ClickAsync("[data-testid=save-preferences]");
        await Assertions.Expect(page.Locator("[data-testid=settings-saved]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=settings-history] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=settings-history] tbody tr").First).ToContainTextAsync(BrowserConsole.Admin);
        await page.GotoAsync(console.Url + "/");
        await Assertions.Expect(page.Locator("[data-testid=period]")).ToHaveValueAsync("7d"); // the dashboard opens on the preference

        // Back to today (the other tests open the dashboard); the history keeps both changes.
        await page.GotoAsync(console.Url + "/settings");
        await page.SelectOptionAsync("select[name='console.dashboardPeriod']", "today");
        await page.ClickAsync("[data-testid=save-preferences]");
        await Assertions.Expect(page.Locator("[data-testid=settings-history] tbody tr")).ToHaveCountAsync(2);
        await BrowserConsole.ScreenshotAsync(page, "settings");
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task Language_SwitchToIndonesian_ThenSignOut()
    {
        var page = await console.SignedInPageAsync();
        await page.SelectOptionAsync("select[name=culture]", "id"); // console.js submits on change
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Dasbor");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await page.GotoAsync(console.Url + "/?period=30d");
        var count = (await IndependentSql.GroupAsync(console.Database, "label", console.Now.AddDays(-30), DateTimeOffset.UtcNow.AddMinutes(1))).Sum(l => l.Items);
        var items = count.ToString("N0", new CultureInfo("id"));
        await Assertions.Expect(page.Locator("[data-testid=total-items]")).ToHaveTextAsync(items); // 3.000: Indonesian separators
        await BrowserConsole.ScreenshotAsync(page, "dashboard-id");
        await page.ClickAsync("[data-testid=sign-out]");
        await page.WaitForURLAsync(console.Url + "/login");
        await page.GotoAsync(console.Url + "/");
        Assert.StartsWith(console.Url + "/login", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task Dashboard_Phone_NoHorizontalPageScroll()
    {
        var page = await console.SignedInPageAsync(390, 844);
        await page.GotoAsync(console.Url + "/?period=7d");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the page scrolls sideways on a phone (tables must scroll inside their panel)");
        await BrowserConsole.ScreenshotAsync(page, "dashboard-phone");
        await page.Context.CloseAsync();
    }
}
