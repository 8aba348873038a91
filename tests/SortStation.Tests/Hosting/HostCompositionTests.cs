using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SortStation.Core.Devices;
using SortStation.Core.Classification;
using SortStation.Hosting;
using SortStation.Operations;
using SortStation.Vision;

namespace SortStation.Tests.Hosting;

/// <summary>How AddSortStation wires the operations side into the station host.</summary>
public sealed class HostCompositionTests
{
    [Fact]
    public void Build_HostedServices_WatchdogFeederStartsFirst()
    {
        using var host = StationHostBuilder.Build(null);

        Assert.IsType<WatchdogFeeder>(host.Services.GetServices<IHostedService>().First());
    }

    [Fact]
    public void Build_Trigger_IsTrackedForTheWatchdog()
    {
        using var host = StationHostBuilder.Build(null);

        Assert.IsType<TrackedTrigger>(host.Services.GetRequiredService<IItemTrigger>());
    }

    [Fact]
    public void Build_Classifier_IsTheSwappableOne()
    {
        using var host = StationHostBuilder.Build(null);

        Assert.Same(host.Services.GetRequiredService<SwappableClassifier>(), host.Services.GetRequiredService<IClassifier>());
    }

    [Fact]
    public void Build_HealthEndpoint_RegisteredButOffByDefault()
    {
        using var host = StationHostBuilder.Build(null);

        Assert.False(host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HealthOptions>>().Value.Enabled);
        Assert.Contains(host.Services.GetServices<IHostedService>(), s => s is OperationsEndpoint);
    }
}
