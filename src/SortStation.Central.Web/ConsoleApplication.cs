using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using SortStation.Central.Web.Api;
using SortStation.Central.Web.Auth;
using SortStation.Central.Web.Charts;
using SortStation.Central.Web.Localization;
using SortStation.Central.Web.Options;
using SortStation.Central.Web.Security;

namespace SortStation.Central.Web;

/// <summary>The console's middleware and endpoints, in order.</summary>
public static class ConsoleApplication
{
    public static WebApplication UseCentralConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var web = app.Services.GetRequiredService<IOptions<WebOptions>>().Value;

        // Behind the TLS proxy: the client's address (rate limit) and scheme (Secure cookies) from X-Forwarded-*,
        // believed only from loopback and Web:KnownProxies.
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var proxy in web.KnownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        app.UseForwardedHeaders(forwarded);
        app.Use(SecurityHeaders.Apply);
        app.UseWhen(c => CookieEvents.IsApi(c.Request), a => a.UseExceptionHandler());
        app.UseWhen(c => !CookieEvents.IsApi(c.Request), a => a.UseExceptionHandler("/error"));
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(ConsoleApplication).Assembly, "assets"),
            RequestPath = "/static",
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        app.UseRequestLocalization(ConsoleCultures.Options(web.DefaultLanguage));
        app.Use(app.Services.GetRequiredService<SetupGate>().Apply);
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapCentralConsole();
        return app;
    }

    public static IEndpointRouteBuilder MapCentralConsole(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization(ConsolePolicies.Viewer).AddEndpointFilter<AntiforgeryForCookies>();
        WeighingEndpoints.Map(api);
        FleetEndpoints.Map(api);
        AccountEndpoints.Map(api);
        SettingsEndpoints.Map(api);
        EventsEndpoint.Map(api);
        ChartEndpoints.Map(endpoints);
        endpoints.MapRazorPages();
        return endpoints;
    }
}
