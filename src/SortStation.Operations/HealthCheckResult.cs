namespace SortStation.Operations;

/// <summary>One component of /healthz: its name, whether it is healthy, and a short word for a technician.</summary>
public sealed record HealthCheckResult(string Name, bool Healthy, string Detail);
