using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SortStation.Operations.Tests.Support;

/// <summary>Health checks whose answers the test sets, and one counter, in a container like a host's.</summary>
public static class FixedHealthSource
{
    public static ServiceProvider Services(params (string Name, bool Healthy, string Detail)[] checks)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddSingleton<PrometheusMeterExporter>();
        var builder = services.AddHealthChecks();
        foreach (var (name, healthy, detail) in checks)
        {
            builder.AddCheck(name, () => healthy ? HealthCheckResult.Healthy(detail) : HealthCheckResult.Unhealthy(detail));
        }

        var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<PrometheusMeterExporter>();
        var meter = provider.GetRequiredService<IMeterFactory>().Create("SortStation.Test");
        meter.CreateCounter<long>("test_items_total", description: "Items.").Add(3, KeyValuePair.Create("label", (object?)"glass"));
        return provider;
    }
}
