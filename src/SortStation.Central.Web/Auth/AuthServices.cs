using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SortStation.Central.Web.Options;

namespace SortStation.Central.Web.Auth;

/// <summary>Cookie and API-key authentication, role policies, antiforgery and the sign-in rate limit.</summary>
internal static class AuthServices
{
    public const string LoginRateLimit = "login";

    public static IServiceCollection AddConsoleAuth(this IServiceCollection services)
    {
        services.AddSingleton<AccountService>();
        services.AddAuthentication(ConsoleClaims.Scheme)
            .AddPolicyScheme(ConsoleClaims.Scheme, "cookie or API key", o =>
                o.ForwardDefaultSelector = c => c.Request.Headers.ContainsKey(ApiKeys.Header) ? ConsoleClaims.ApiKeyScheme : ConsoleClaims.CookieScheme)
            .AddCookie(ConsoleClaims.CookieScheme, o =>
            {
                o.Cookie.Name = "sortstation.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                // Secure whenever the request came over TLS (behind the proxy too: forwarded headers).
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.SlidingExpiration = true;
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.AccessDeniedPath = "/denied";
                o.EventsType = typeof(CookieEvents);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ConsoleClaims.ApiKeyScheme, null);
        services.AddSingleton<CookieEvents>();
        services.AddOptions<CookieAuthenticationOptions>(ConsoleClaims.CookieScheme)
            .Configure<IOptions<WebOptions>>((o, web) => o.ExpireTimeSpan = TimeSpan.FromMinutes(web.Value.SessionMinutes));
        services.AddAuthorization(ConsolePolicies.Add);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "sortstation.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsync("Too many sign-in attempts from this address; wait a minute and try again.", ct);
            };
            // Only the sign-in POST counts: showing the form is free.
            o.AddPolicy(LoginRateLimit, c => HttpMethods.IsPost(c.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(c.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = c.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value.LoginAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("form"));
        });
        return services;
    }
}
