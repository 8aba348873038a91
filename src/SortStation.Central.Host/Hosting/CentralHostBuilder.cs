using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SortStation.Central.Hosting;

/// <summary>Builds the central service process: configuration layers, then <see cref="CentralServices.AddSortStationCentral"/>.</summary>
public static class CentralHostBuilder
{
    public static IHost Build(FileInfo? configFile, IReadOnlyDictionary<string, string?>? overrides = null, TimeProvider? time = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        CentralConfiguration.AddLayers(builder.Configuration, configFile, overrides);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.AddSortStationCentral();
        var host = builder.Build();

        // Every section is validated (and reported together) before anything connects.
        host.Services.GetService<IStartupValidator>()?.Validate();
        return host;
    }
}
