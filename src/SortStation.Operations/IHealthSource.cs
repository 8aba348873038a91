namespace SortStation.Operations;

/// <summary>Components reported by /healthz; the endpoint answers 200 only when every one is healthy.</summary>
public interface IHealthSource
{
    IReadOnlyList<HealthCheckResult> Check();
}
