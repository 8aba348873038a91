using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SortStation.Core.Alarms;
using SortStation.Outbox;

namespace SortStation.Telemetry.Health;

/// <summary>
/// The outbox: unhealthy while commits fail or the backlog is near Outbox:MaxRows (about to lose weighings
/// to the quota); carries its totals for the health message.
/// </summary>
public sealed class OutboxHealthCheck(IServiceProvider services, IOptions<OutboxOptions> options) : IHealthCheck
{
    // Above this share of Outbox:MaxRows the backlog is about to hit the quota and lose weighings.
    private const double NearlyFull = 0.9;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<IOutboxStore>() is not { } outbox)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("no outbox"));
        }

        var failing = services.GetService<StationAlarms>()?.Snapshot().Active.Any(a => a.Code == AlarmCodes.OutboxWriteFailed) == true;
        var maxRows = options.Value.MaxRows;
        var part = new OutboxHealth(outbox.Pending, outbox.Dropped, outbox.Held, outbox.WriteFailed);
        var detail = $"{(failing ? "commits failing: " : string.Empty)}{part.Pending} pending of {maxRows} ({part.Held} kept in memory), {part.Dropped} dropped (quota) and {part.WriteFailed} lost (commit failed) since start";
        var healthy = !failing && part.Pending < maxRows * NearlyFull;
        return Task.FromResult(new HealthCheckResult(healthy ? HealthStatus.Healthy : HealthStatus.Unhealthy, detail, data: StationHealthData.Data(part)));
    }
}
