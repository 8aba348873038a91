using System.Net;
using System.Text.RegularExpressions;

namespace SortStation.Central.Web.Tests.Support;

/// <summary>Signs a test client in through the real form (antiforgery token included).</summary>
public static partial class ConsoleClient
{
    public static async Task<string> TokenAsync(HttpClient client, string page = "/login")
    {
        var html = await client.GetStringAsync(page);
        return Token().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException($"no antiforgery token on {page}");
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string name, string password, bool withToken = true)
    {
        var form = new Dictionary<string, string> { ["Name"] = name, ["Password"] = password };
        if (withToken)
        {
            form["__RequestVerificationToken"] = await TokenAsync(client);
        }

        return await client.PostAsync("/login", new FormUrlEncodedContent(form));
    }

    public static async Task SignInAsync(HttpClient client, string name, string password = ConsoleFactory.Password)
    {
        using var response = await PostLoginAsync(client, name, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.ToString());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
