using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SortStation.Central.Accounts;
using SortStation.Central.Web.Auth;
using SortStation.Central.Web.Tests.Support;

namespace SortStation.Central.Web.Tests;

/// <summary>Who may do what: no session, roles, API keys, antiforgery, sign-in rate limit and lock-out.</summary>
public sealed class AuthTests
{
    [Fact]
    public async Task Api_NoCookie_401()
    {
        using var console = await EmptyConsole.WithUsersAsync();
        using var client = console.Factory.Client();
        foreach (var path in new[] { "/api/summary", "/api/weighings", "/api/weighings.csv", "/api/stations", "/api/clusters", "/api/events", "/api/settings" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task Page_NoCookie_RedirectsToLogin()
    {
        using var console = await EmptyConsole.WithUsersAsync();
        using var client = console.Factory.Client();
        foreach (var path in new[] { "/", "/weighings", "/stations", "/clusters", "/users", "/settings", "/charts/hourly.svg" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Viewer_RerunOrAddUser_Forbidden()
    {
        using var console = await EmptyConsole.WithUsersAsync();
        using var client = await console.SignedInAsync("viewer");
        var token = await AntiforgeryAsync(client);
        using var rerun = await PostAsync(client, "/api/clusters/run", new { }, token);
        using var addUser = await PostAsync(client, "/api/users", new { name = "mallory", role = "admin", password = "0123456789ab" }, token);
        using var usersPage = await client.GetAsync("/users");
        using var rerunForm = await client.PostAsync("/clusters?handler=Rerun", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await ConsoleClient.TokenAsync(client, "/clusters") }));

        Assert.Equal(HttpStatusCode.Forbidden, rerun.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, addUser.StatusCode);
        Assert.Equal("/denied", usersPage.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, rerunForm.StatusCode);
        Assert.Equal("/denied", rerunForm.Headers.Location?.AbsolutePath);
        Assert.Null(await console.Factory.Services.GetRequiredService<IAccountStore>().FindUserAsync("mallory", default));
    }

    [Fact]
    public async Task Operator_AddUser_Forbidden()
    {
        using var console = await EmptyConsole.WithUsersAsync();
        using var client = await console.SignedInAsync("operator");
        using var addUser = await PostAsync(client, "/api/users", new { name = "mallory", role = "viewer", password = "0123456789ab" }, await AntiforgeryAsync(client));
        Assert.Equal(HttpStatusCode.Forbidden, addUser.StatusCode);
    }

    [Fact]
    public async Task Admin_RerunAndAddUser_Allowed()
    {
        using var console = await EmptyConsole.WithUsersAsync();
        using var client = await console.SignedInAsync("admin");
        var token = await AntiforgeryAsync(client);
        using var rerun = await PostAsync(client, "/api/clusters/run", new { }, token);
        using var addUser = await PostAsync(client, "/api/users", new { name = "newcomer", role = "viewer", password = "0123456789ab" }, token);

        Assert.Equal(HttpStatusCode.OK, rerun.StatusCode);
        Assert.Equal(HttpStatusCode.Created, addUser.StatusCode);
        Assert.Equal(ConsoleRole.Viewer, (await console.Factory.Services.GetRequiredService<IAccountStore>().FindUserAsync("newcomer", default))!.Role);
    }

    [Fact]
    public async Task CookiePost_WithoutAntiforgeryToken_400()
    {
        using var console = await EmptyConsole.WithUsersAsync();
        using var client = await console.SignedInAsync("admin");
        using var noToken = await client.PostAsJsonAsync("/api/users", new { name = "newcomer", role = "viewer", password = "0123456789ab" });
        using var loginNoToken = await ConsoleClient.PostLoginAsync(console.Factory.Client(), "admin", ConsoleFactory.Password, withToken: false);
        using var formNoToken = await client.PostAsync("/clusters?handler=Predict", new FormUrlEncodedContent(new Dictionary<string, string> { ["WeightKg"] = "1", ["UnitPrice"] = "2" }));

        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, loginNoToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, formNoToken.StatusCode);
        Assert.Null(await console.Factory.Services.GetRequiredService<IAccountStore>().FindUserAsync("newcomer", default));
    }

    [Fact]
    public async Task ApiKey_Viewer_ReadsButCannotRerun()
    {
        using var console = await EmptyConsole.WithUsersAsync();
        var (key, account) = ApiKeys.Create("reporting", ConsoleRole.Viewer, DateTimeOffset.UtcNow);
        await console.Factory.Services.GetRequiredService<IAccountStore>().AddApiKeyAsync(account, default);
        using var client = console.Factory.Client();
        client.DefaultRequestHeaders.Add(ApiKeys.Header, key);

        using var summary = await client.GetAsync("/api/summary");
        using var rerun = await client.PostAsync("/api/clusters/run", null);
        using var wrong = console.Factory.Client();
        wrong.DefaultRequestHeaders.Add(ApiKeys.Header, key[..^2] + "xx");
        using var refused = await wrong.GetAsync("/api/summary");

        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, rerun.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task ApiKey_AdminPost_NeedsNoAntiforgeryToken()
    {
        using var console = await EmptyConsole.WithUsersAsync();
        var (key, account) = ApiKeys.Create("automation", ConsoleRole.Admin, DateTimeOffset.UtcNow);
        await console.Factory.Services.GetRequiredService<IAccountStore>().AddApiKeyAsync(account, default);
        using var client = console.Factory.Client();
        client.DefaultRequestHeaders.Add(ApiKeys.Header, key);
        using var rerun = await client.PostAsync("/api/clusters/run", null);
        Assert.Equal(HttpStatusCode.OK, rerun.StatusCode);
    }

    [Fact]
    public async Task Login_MoreAttemptsThanAllowed_429()
    {
        using var console = await EmptyConsole.WithUsersAsync(("Web:LoginAttemptsPerMinute", "3"), ("Web:LockoutFailures", "100"));
        using var client = console.Factory.Client();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await ConsoleClient.PostLoginAsync(client, "viewer", "wrong-password-" + i);
            codes.Add(response.StatusCode);
        }

        using var correct = await ConsoleClient.PostLoginAsync(client, "viewer", ConsoleFactory.Password);
        using var form = await client.GetAsync("/login");
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], codes);
        Assert.Equal(HttpStatusCode.TooManyRequests, correct.StatusCode);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode); // showing the form is not an attempt
    }

    [Fact]
    public async Task Login_RepeatedWrongPasswords_LocksTheAccount()
    {
        using var console = await EmptyConsole.WithUsersAsync(("Web:LockoutFailures", "3"));
        using var client = console.Factory.Client();
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await ConsoleClient.PostLoginAsync(client, "viewer", "wrong-password-" + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var correct = await ConsoleClient.PostLoginAsync(client, "viewer", ConsoleFactory.Password);
        var page = await correct.Content.ReadAsStringAsync();
        var user = await console.Factory.Services.GetRequiredService<IAccountStore>().FindUserAsync("viewer", default);
        using var other = await ConsoleClient.PostLoginAsync(console.Factory.Client(), "admin", ConsoleFactory.Password);

        Assert.Equal(HttpStatusCode.OK, correct.StatusCode); // the form again, not the redirect of a success
        Assert.Contains("locked until", page, StringComparison.Ordinal);
        Assert.True(user!.LockedUntil > DateTimeOffset.UtcNow.AddMinutes(14));
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Fact]
    public async Task Session_PasswordChanged_EndsAtOnce()
    {
        using var console = await EmptyConsole.WithUsersAsync();
        using var client = await console.SignedInAsync("viewer");
        using var before = await client.GetAsync("/api/me");
        await console.Factory.Services.GetRequiredService<AccountService>().SetPasswordAsync("viewer", "another-password-1", default);
        using var after = await client.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task SessionCookie_Flags_HttpOnlySameSiteStrict()
    {
        using var console = await EmptyConsole.WithUsersAsync();
        using var client = console.Factory.Client();
        using var response = await ConsoleClient.PostLoginAsync(client, "viewer", ConsoleFactory.Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sortstation.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires", cookie, StringComparison.OrdinalIgnoreCase); // a session cookie; the ticket slides
    }

    [Fact]
    public async Task SessionCookie_BehindTlsProxy_Secure()
    {
        using var console = await EmptyConsole.WithUsersAsync();
        using var client = console.Factory.Client();
        var form = new Dictionary<string, string> { ["Name"] = "viewer", ["Password"] = ConsoleFactory.Password, ["__RequestVerificationToken"] = await ConsoleClient.TokenAsync(client) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/login") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Forwarded-Proto", "https"); // TestServer's client is on loopback: a known proxy
        using var response = await client.SendAsync(request);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sortstation.session=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> AntiforgeryAsync(HttpClient client)
    {
        var tokens = await client.GetFromJsonAsync<Dictionary<string, string>>("/api/antiforgery");
        return tokens!["token"];
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", token);
        return client.SendAsync(request);
    }
}
