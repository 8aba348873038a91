using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SortStation.Core.Options;
using SortStation.Hosting;

namespace SortStation.Operations.Tests;

/// <summary>The decorators AddSortStation sets where each seam is registered (the trigger's and the watchdog's are in HostCompositionTests).</summary>
public sealed class HostDecoratorTests
{
    [Fact]
    public void Build_OptionsMonitorOfEverySection_KeepsTheLastGoodValue()
    {
        using var host = StationHostBuilder.Build(null);

        Assert.IsType<LastGoodOptionsMonitor<SortingOptions>>(host.Services.GetRequiredService<IOptionsMonitor<SortingOptions>>());
        Assert.IsType<LastGoodOptionsMonitor<HealthOptions>>(host.Services.GetRequiredService<IOptionsMonitor<HealthOptions>>());
    }
}
