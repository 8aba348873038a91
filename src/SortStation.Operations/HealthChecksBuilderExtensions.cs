using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SortStation.Operations;

/// <summary>Registers a check that asks one of the host's services, e.g. <c>AddServiceCheck&lt;CentralHealth&gt;("broker", h =&gt; h.Broker())</c>.</summary>
public static class HealthChecksBuilderExtensions
{
    public static IHealthChecksBuilder AddServiceCheck<TService>(this IHealthChecksBuilder builder, string name, Func<TService, HealthCheckResult> check)
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(name, sp => new ServiceCheck(() => check(sp.GetRequiredService<TService>())), failureStatus: null, tags: null));
    }

    private sealed class ServiceCheck(Func<HealthCheckResult> check) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(check());
    }
}
