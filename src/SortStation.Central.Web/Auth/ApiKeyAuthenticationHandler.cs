using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SortStation.Central.Accounts;

namespace SortStation.Central.Web.Auth;

/// <summary>Machine clients: header <c>X-Api-Key</c>. A wrong or removed key fails; no key means "not this scheme".</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IAccountStore store,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    // last_used_ms is written at most once a minute per key, not on every request.
    private static readonly ConcurrentDictionary<string, DateTimeOffset> Touched = new(StringComparer.Ordinal);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeys.Header, out var header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeys.TryParse(header.ToString(), out var keyId, out var secret))
        {
            return AuthenticateResult.Fail("malformed API key");
        }

        var account = await store.FindApiKeyAsync(keyId, Context.RequestAborted);
        if (account is null || !ApiKeys.Matches(account, secret))
        {
            return AuthenticateResult.Fail("unknown API key");
        }

        var now = time.GetUtcNow();
        if (!Touched.TryGetValue(keyId, out var last) || now - last > TimeSpan.FromMinutes(1))
        {
            Touched[keyId] = now;
            await store.TouchApiKeyAsync(keyId, now, Context.RequestAborted);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(ConsoleClaims.For(account), Scheme.Name));
    }
}
