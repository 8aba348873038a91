using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SortStation.Core.Devices;
using SortStation.Core.Timing;

namespace SortStation.Telemetry.Health;

/// <summary>
/// The gates: unhealthy while one is faulted, and for a while after a missed gate (the belt outruns a gate
/// now) or a lost fire (a record is untrue). Carries each gate's state and the timing totals for the health message.
/// </summary>
public sealed class GatesHealthCheck(IServiceProvider services, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = services.GetService<GateScheduler>();
        var gates = scheduler?.Gates.ToArray() ?? [];
        var statistics = scheduler?.Statistics;
        var faulted = gates.Where(g => g.State == DeviceState.Faulted).Select(g => g.Bin).ToArray();
        var now = time.GetUtcNow();
        var missedNow = statistics?.MissedRecently(now) == true;
        var lostNow = statistics?.LostRecently(now) == true;
        var state = faulted.Length == 0 ? $"{gates.Length} gates, none faulted" : $"faulted: {string.Join(", ", faulted)}";
        var timing = statistics is null ? string.Empty : $"; missed gates {statistics.MissedTotal}{Ago(statistics.LastMissedAt, now)}, lost fires {statistics.LostTotal}{Ago(statistics.LastLostAt, now)}";
        var data = StationHealthData.Data(
            (IReadOnlyDictionary<string, DeviceState>)gates.ToDictionary(g => g.Bin, g => g.State),
            statistics is null ? null : new GateTimingHealth(statistics.MissedTotal, statistics.LostTotal));
        var healthy = faulted.Length == 0 && !missedNow && !lostNow;
        return Task.FromResult(new HealthCheckResult(healthy ? HealthStatus.Healthy : HealthStatus.Unhealthy, state + timing, data: data));
    }

    private static string Ago(DateTimeOffset? at, DateTimeOffset now) =>
        at is { } t ? string.Create(CultureInfo.InvariantCulture, $" (last {(now - t).TotalSeconds:F0} s ago)") : string.Empty;
}
