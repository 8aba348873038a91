using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SortStation.Central.Web;
using SortStation.Central.Web.Options;
using SortStation.Kernel.Hosting;
using SortStation.Kernel.Options;

namespace SortStation.Central.Hosting;

/// <summary>
/// Builds the central service process: configuration layers, <see cref="CentralServices.AddSortStationCentral"/>,
/// and with Web:Enabled (the default) the console on Kestrel at Web:Urls.
/// </summary>
public static class CentralHostBuilder
{
    /// <summary>What a failed start tells the operator did not happen.</summary>
    public const string NotStarted = "sortstation-central was not started";

    public static IHost Build(FileInfo? configFile, IReadOnlyDictionary<string, string?>? overrides = null, TimeProvider? time = null, Action<WebApplicationBuilder>? configureWeb = null)
    {
        var configuration = CentralConfiguration.Build(configFile, overrides);
        var web = configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        IHost host = web.Enabled ? BuildWeb(configFile, overrides, time, configureWeb, web) : BuildService(configFile, overrides, time);

        return ServiceRun.Validated(host); // every section, reported together, before anything connects or listens
    }

    private static IHost BuildService(FileInfo? configFile, IReadOnlyDictionary<string, string?>? overrides, TimeProvider? time)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        CentralConfiguration.AddLayers(builder.Configuration, configFile, overrides);
        AddTime(builder.Services, time);
        builder.AddSortStationCentral();
        // The console is off, but its section is still central's own (validated, and its keys known).
        builder.Services.AddValidatedOptions<WebOptions, WebOptionsValidator>(builder.Configuration, WebOptions.Section);
        return builder.Build();
    }

    // An empty builder: only central's own configuration layers (no ASPNETCORE_ variables, no appsettings.{Environment}.json).
    private static WebApplication BuildWeb(FileInfo? configFile, IReadOnlyDictionary<string, string?>? overrides, TimeProvider? time, Action<WebApplicationBuilder>? configure, WebOptions web)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        CentralConfiguration.AddLayers(builder.Configuration, configFile, overrides);
        AddTime(builder.Services, time);
        builder.AddSortStationCentral();
        builder.WebHost.UseKestrel(o => o.AddServerHeader = false);
        builder.Services.AddRoutingCore();
        builder.Services.AddCentralConsole(builder.Configuration);
        configure?.Invoke(builder);
        var app = builder.Build();

        // The server's addresses directly, not UseUrls: that writes an "urls" key into the configuration, which the
        // strict check would (rightly) call unknown.
        foreach (var url in WebOptionsValidator.SplitUrls(web.Urls))
        {
            app.Urls.Add(url);
        }

        app.UseCentralConsole();
        return app;
    }

    private static void AddTime(IServiceCollection services, TimeProvider? time)
    {
        if (time is not null)
        {
            services.AddSingleton(time);
        }
    }
}
