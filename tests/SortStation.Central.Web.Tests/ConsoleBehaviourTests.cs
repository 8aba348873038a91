using System.Net;
using System.Xml.Linq;
using SortStation.Central.Web.Security;
using SortStation.Central.Web.Tests.Support;

namespace SortStation.Central.Web.Tests;

/// <summary>Set-up page, security headers, languages and money formats.</summary>
public sealed class ConsoleBehaviourTests
{
    [Fact]
    public async Task Pages_NoUserYet_ShowOnlyTheSetupPage()
    {
        using var console = new EmptyConsole();
        using var client = console.Factory.Client();
        foreach (var path in new[] { "/", "/login", "/weighings" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/setup", response.Headers.Location?.OriginalString);
        }

        var setup = await client.GetStringAsync("/setup");
        Assert.Contains("sortstation-central users add NAME --role admin", setup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_SecurityHeaders_StrictCspNoStore()
    {
        using var console = await EmptyConsole.WithUsersAsync();
        using var client = console.Factory.Client();
        using var response = await client.GetAsync("/login");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Pages_NoInlineScriptOrStyle()
    {
        using var console = await EmptyConsole.WithUsersAsync();
        using var client = await console.SignedInAsync("admin");
        foreach (var path in new[] { "/", "/weighings", "/stations", "/clusters", "/users", "/settings", "/login" })
        {
            var html = await client.GetStringAsync(path);
            Assert.DoesNotContain("style=\"", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)", html);
            Assert.DoesNotMatch("<[^>]*\\son[a-z]+\\s*=", html); // no onclick= and the like
        }
    }

    [Fact]
    public async Task Language_AcceptLanguageIndonesian_PagesInIndonesian()
    {
        using var console = await EmptyConsole.WithUsersAsync();
        using var client = console.Factory.Client();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("id-ID,id;q=0.9");
        var login = await client.GetStringAsync("/login");
        Assert.Contains("Kata sandi", login, StringComparison.Ordinal);
        Assert.Contains("lang=\"id\"", login, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Language_Switch_CookieOverridesBrowser()
    {
        using var console = await EmptyConsole.WithUsersAsync();
        using var client = await console.SignedInAsync("viewer");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        var form = new Dictionary<string, string> { ["culture"] = "id", ["returnUrl"] = "/weighings", ["__RequestVerificationToken"] = await ConsoleClient.TokenAsync(client, "/weighings") };
        using var response = await client.PostAsync("/language", new FormUrlEncodedContent(form));
        Assert.Equal("/weighings", response.Headers.Location?.OriginalString);
        var page = await client.GetStringAsync("/weighings");
        Assert.Contains("Timbangan", page, StringComparison.Ordinal);
        Assert.Contains("Ekspor CSV", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Language_ReturnUrlElsewhere_StaysOnTheConsole()
    {
        using var console = await EmptyConsole.WithUsersAsync();
        using var client = console.Factory.Client();
        var form = new Dictionary<string, string> { ["culture"] = "id", ["returnUrl"] = "https://evil.example/", ["__RequestVerificationToken"] = await ConsoleClient.TokenAsync(client) };
        using var response = await client.PostAsync("/language", new FormUrlEncodedContent(form));
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public void Resources_EnglishAndIndonesian_SameKeysNoneEmpty()
    {
        static Dictionary<string, string> Read(string file) => XDocument.Load(Path.Combine(Root(), "src/SortStation.Central.Web/Resources", file))
            .Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);
        var en = Read("SharedResource.resx");
        var id = Read("SharedResource.id.resx");
        Assert.Equal(en.Keys.Order(), id.Keys.Order());
        Assert.All(en.Concat(id), p => Assert.False(string.IsNullOrWhiteSpace(p.Value), p.Key));
    }

    [Fact]
    public void Resources_EveryKeyUsedByThePages_Exists()
    {
        var keys = XDocument.Load(Path.Combine(Root(), "src/SortStation.Central.Web/Resources/SharedResource.resx")).Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet();
        var used = Directory.EnumerateFiles(Path.Combine(Root(), "src/SortStation.Central.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "\\b[Tt]\\[\"([A-Za-z.]+)\"[],]").Select(m => m.Groups[1].Value))
            .ToHashSet();
        Assert.Empty(used.Except(keys));
    }

    [Theory]
    [InlineData("en", 1234567.4, "IDR", "Rp 1,234,567")]
    [InlineData("id", 1234567.5, "IDR", "Rp 1.234.568")]
    [InlineData("id", 12.5, "USD", "USD 12,50")]
    [InlineData("en", 12.5, "USD", "USD 12.50")]
    public void Money_Format_CurrencyDecimalsAndCulture(string culture, double value, string currency, string expected) =>
        Assert.Equal(expected, Localization.Money.Format((decimal)value, currency, new System.Globalization.CultureInfo(culture)));

    [Fact]
    public void SecurityHeaders_Policy_NoInlineAllowed() => Assert.DoesNotContain("unsafe", SecurityHeaders.Policy, StringComparison.Ordinal);

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SortStation.sln")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }
}
