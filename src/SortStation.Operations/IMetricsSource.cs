namespace SortStation.Operations;

/// <summary>Writes a host's metrics into /metrics (Prometheus text format). Several may be registered.</summary>
public interface IMetricsSource
{
    void Collect(PrometheusWriter writer);
}
