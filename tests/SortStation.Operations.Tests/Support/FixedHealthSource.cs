namespace SortStation.Operations.Tests.Support;

/// <summary>Health and metrics sources whose answers the test sets.</summary>
public sealed class FixedHealthSource(params HealthCheckResult[] checks) : IHealthSource, IMetricsSource
{
    public IReadOnlyList<HealthCheckResult> Check() => checks;

    public void Collect(PrometheusWriter writer) => writer.Counter("test_items_total", "Items.", [MetricSample.Of(3, ("label", "glass"))]);
}
