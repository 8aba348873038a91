using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SortStation.Central.Accounts;
using SortStation.Central.Hosting;
using SortStation.Central.Web.Auth;

namespace SortStation.Central.Web.Tests.Support;

/// <summary>
/// The real central host (CentralHostBuilder: all of appsettings.json, the strict configuration check, every
/// service) on ASP.NET Core's TestServer. The factory's own host discovery is bypassed because sortstation-central's
/// entry point is a command line, not a web host.
/// </summary>
public sealed class ConsoleFactory(Dictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public const string Password = "correct-horse-battery";

    public static Dictionary<string, string?> Settings(TempDir dir, ConsoleDatabase database, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>(database.Storage)
        {
            ["Central:InstanceId"] = "console-test",
            // Nothing listens there: ingest retries quietly; the console does not need the broker.
            ["Mqtt:Broker"] = $"mqtt://127.0.0.1:{FreePort.Next()}",
            ["Mqtt:ReconnectMinSeconds"] = "5",
            ["Mqtt:ReconnectMaxSeconds"] = "30",
            ["Clustering:Enabled"] = "false",
            ["Clustering:ReportDirectory"] = null,
            ["Web:KeysDirectory"] = dir.File("keys"),
            ["Web:TimeZone"] = "Asia/Jakarta",
            ["Web:LoginAttemptsPerMinute"] = "1000",
            ["Serilog:WriteTo:1:Args:path"] = dir.File("logs/central-.log"),
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    public async Task AddUserAsync(string name, ConsoleRole role)
    {
        var problem = await Services.GetRequiredService<AccountService>().AddUserAsync(name, role, Password, default);
        Assert.Null(problem);
    }

    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override IHostBuilder CreateHostBuilder() => new HostBuilder();

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = CentralHostBuilder.Build(null, settings, configureWeb: b => b.WebHost.UseTestServer());
        host.Start();
        return host;
    }
}
