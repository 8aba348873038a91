using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SortStation.Core.Alarms;
using SortStation.Core.Devices;

namespace SortStation.Telemetry.Health;

/// <summary>
/// The sorting state: running or idle (healthy), jam, soft-stopped or e-stop (not), with the active alarms'
/// own sentences; carries the state word and the active alarms for the health message.
/// </summary>
public sealed class SortingHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var alarms = services.GetService<StationAlarms>()?.Snapshot() ?? new AlarmSnapshot(0, []);
        var idle = services.GetService<IdleWatch>();
        var state = SortingState.Of(alarms, idle?.IsIdle == true, services.GetService<IInterlock>()?.IsActive == true);
        var detail = state == SortingState.Idle && idle is not null
            ? $"idle: no item for {idle.Quiet.TotalSeconds:F0} s (Trigger:IdleSeconds = {idle.Limit.TotalSeconds:F0})"
            : string.Join("; ", alarms.Active.Select(a => $"{a.Code}: {a.Message}").Prepend(state));
        var status = SortingState.IsHealthy(state) ? HealthStatus.Healthy : HealthStatus.Unhealthy;
        return Task.FromResult(new HealthCheckResult(status, detail, data: StationHealthData.Data(state, alarms.Active)));
    }
}
