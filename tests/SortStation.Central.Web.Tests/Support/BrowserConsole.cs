using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using SortStation.Central.Accounts;
using SortStation.Central.Hosting;
using SortStation.Central.Ingest;
using SortStation.Central.Live;
using SortStation.Central.Web.Auth;

namespace SortStation.Central.Web.Tests.Support;

/// <summary>
/// The real central host on Kestrel (a free loopback port) over a seeded SQLite database, and Debian's chromium
/// driven by Playwright (ExecutablePath: no browser download). Stations report status and health as on MQTT.
/// </summary>
public sealed class BrowserConsole : IAsyncLifetime
{
    public const string Admin = "siti";

    private IPlaywright? _playwright;

    public TempDir Dir { get; } = new();

    public DateTimeOffset Now { get; } = DateTimeOffset.UtcNow;

    public IReadOnlyList<Contracts.WeighingRecord> Seeded { get; private set; } = [];

    public ConsoleDatabase Database { get; private set; } = null!;

    public IHost Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string Url { get; private set; } = string.Empty;

    public static string Screenshots { get; } = Path.Combine(Repository.Root, "docs", "console");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.Executable))
        {
            return;
        }

        Seeded = SeededWeighings.Create(SeededConsole.Count, SeededConsole.Stations, Now.AddDays(-12), Now.AddMinutes(-1)).ToList();
        Database = ConsoleDatabase.Sqlite(Dir);
        await Database.SeedAsync(Seeded);
        var port = FreePort.Next();
        Url = $"http://127.0.0.1:{port}";
        Host = CentralHostBuilder.Build(null, ConsoleFactory.Settings(Dir, Database, ("Web:Urls", Url)));
        await Host.StartAsync();
        var problem = await Host.Services.GetRequiredService<AccountService>().AddUserAsync(Admin, ConsoleRole.Admin, ConsoleFactory.Password, default);
        Assert.Null(problem);
        ReportStations();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> SignedInPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", ViewportSize = new ViewportSize { Width = width, Height = height }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url + "/login");
        await page.FillAsync("#Name", Admin);
        await page.FillAsync("#Password", ConsoleFactory.Password);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForURLAsync(Url + "/");
        return page;
    }

    /// <summary>One weighing through the real ingest path (validation, store, rollup, event), as if it came over MQTT.</summary>
    public async Task<Contracts.WeighingRecord> IngestAsync()
    {
        var record = SeededWeighings.Create(1, 1, DateTimeOffset.UtcNow.AddSeconds(-2), DateTimeOffset.UtcNow.AddSeconds(-1), seed: 7).Single() with { StationId = "station-02" };
        var result = await Host.Services.GetRequiredService<IngestPipeline>().ProcessAsync([new IncomingMessage(Contracts.Topics.Weighing("sortstation", record.StationId), Contracts.ContractJson.Serialize(record))], default);
        Assert.Equal(1, result.Inserted);
        return record;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Host is not null)
        {
            await Host.StopAsync();
            Host.Dispose();
        }

        Database?.Dispose();
        Dir.Dispose();
    }

    private void ReportStations()
    {
        var tracker = Host.Services.GetRequiredService<StationStateTracker>();
        for (var i = 1; i <= SeededConsole.Stations; i++)
        {
            var id = $"station-{i:00}";
            tracker.Apply($"sortstation/{id}/status", Encoding.UTF8.GetBytes(i == 4 ? "offline" : "online"));
            var (scale, pending, connected) = (i == 3 ? "Faulted" : "Online", i == 4 ? 37 : 0, i == 4 ? "false" : "true");
            var health = $$$"""{"schema":"sortstation.health/1","stationId":"{{{id}}}","timestamp":"{{{Now:O}}}","uptimeSeconds":{{{3600 * i}}},"model":"mobilenetv2-trashnet@1.0.0","devices":{"camera":"Online","scale":"{{{scale}}}","gates":{}},"outbox":{"pending":{{{pending}}},"dropped":0},"mqtt":{"connected":{{{connected}}}}}""";
            tracker.Apply($"sortstation/{id}/health", Encoding.UTF8.GetBytes(health));
        }
    }
}

/// <summary>The checkout's root (where SortStation.sln is).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SortStation.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("SortStation.sln not found above the test binaries");
    }
}
