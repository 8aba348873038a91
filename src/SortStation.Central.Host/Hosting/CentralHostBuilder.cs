using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SortStation.Central.Web;
using SortStation.Central.Web.Options;

namespace SortStation.Central.Hosting;

/// <summary>
/// Builds the central service process: configuration layers, <see cref="CentralServices.AddSortStationCentral"/>,
/// and with Web:Enabled (the default) the console on Kestrel at Web:Urls.
/// </summary>
public static class CentralHostBuilder
{
    public static IHost Build(FileInfo? configFile, IReadOnlyDictionary<string, string?>? overrides = null, TimeProvider? time = null, Action<WebApplicationBuilder>? configureWeb = null)
    {
        var configuration = CentralConfiguration.Build(configFile, overrides);
        var web = configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        IHost host = web.Enabled ? BuildWeb(configFile, overrides, time, configureWeb, web) : BuildService(configFile, overrides, time);

        // Every section is validated (and reported together) before anything connects or listens.
        host.Services.GetService<IStartupValidator>()?.Validate();
        return host;
    }

    private static IHost BuildService(FileInfo? configFile, IReadOnlyDictionary<string, string?>? overrides, TimeProvider? time)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        CentralConfiguration.AddLayers(builder.Configuration, configFile, overrides);
        AddTime(builder.Services, time);
        builder.AddSortStationCentral();
        return builder.Build();
    }

    // An empty builder: only central's own configuration layers (no ASPNETCORE_ variables, no appsettings.{Environment}.json).
    private static WebApplication BuildWeb(FileInfo? configFile, IReadOnlyDictionary<string, string?>? overrides, TimeProvider? time, Action<WebApplicationBuilder>? configure, WebOptions web)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        CentralConfiguration.AddLayers(builder.Configuration, configFile, overrides);
        AddTime(builder.Services, time);
        builder.AddSortStationCentral();
        builder.WebHost.UseKestrel(o => o.AddServerHeader = false).UseUrls([.. WebOptionsValidator.SplitUrls(web.Urls)]);
        builder.Services.AddRoutingCore();
        builder.Services.AddCentralConsole(builder.Configuration);
        configure?.Invoke(builder);
        var app = builder.Build();
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
