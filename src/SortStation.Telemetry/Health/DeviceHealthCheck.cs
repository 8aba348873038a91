using Microsoft.Extensions.Diagnostics.HealthChecks;
using SortStation.Core.Devices;

namespace SortStation.Telemetry.Health;

/// <summary>
/// The camera or the scale: healthy while Online. The state is read per run and the device resolved
/// optionally: a device that failed to construct (or a host without one) reports "absent" instead of breaking the report.
/// </summary>
public sealed class DeviceHealthCheck(Func<DeviceState?> state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = state();
        var result = new HealthCheckResult(now == DeviceState.Online ? HealthStatus.Healthy : HealthStatus.Unhealthy, now?.ToString() ?? "absent", data: StationHealthData.Data(now));
        return Task.FromResult(result);
    }
}
