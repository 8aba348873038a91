using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SortStation.Core.Alarms;
using SortStation.Core.Devices;
using SortStation.Core.Timing;
using SortStation.Operations;
using SortStation.Outbox;
using SortStation.Telemetry;
using SortStation.Vision;

namespace SortStation.Hosting;

/// <summary>
/// /healthz of the station: camera, scale, gates (with missed gates and lost fires), broker, outbox, model,
/// the sorting loop and its state (jam, soft stop, idle).
/// </summary>
internal sealed class StationHealthSource(IServiceProvider services, WatchdogFeeder watchdog, IOptions<OutboxOptions> outboxOptions, TimeProvider time) : IHealthSource
{
    // Above this share of Outbox:MaxRows the backlog is about to hit the quota and lose weighings.
    private const double OutboxNearlyFull = 0.9;

    public IReadOnlyList<HealthCheckResult> Check()
    {
        // Resolved per request and optionally: a device that failed to construct must not break /healthz.
        var camera = services.GetService<ICamera>();
        var scale = services.GetService<IScale>();
        var scheduler = services.GetService<GateScheduler>();
        var gates = scheduler?.Gates.ToArray() ?? [];
        var publisher = services.GetService<MqttPublisher>();
        var outbox = services.GetService<IOutboxStore>();
        var model = services.GetService<SwappableClassifier>();
        var loop = watchdog.Last;
        var alarms = services.GetService<StationAlarms>()?.Snapshot() ?? new AlarmSnapshot(0, []);
        var outboxAlarm = alarms.Active.FirstOrDefault(a => a.Code == AlarmCodes.OutboxWriteFailed);

        var faultedGates = gates.Where(g => g.State == DeviceState.Faulted).Select(g => g.Bin).ToArray();
        var maxRows = outboxOptions.Value.MaxRows;
        return
        [
            Device("camera", camera?.State),
            Device("scale", scale?.State),
            Gates(gates.Length, faultedGates, scheduler?.Statistics),
            new("broker", publisher?.IsConnected == true, publisher is null ? "no publisher" : publisher.IsConnected ? "connected" : $"disconnected: {publisher.LastError ?? "connecting"}"),
            outbox is null
                ? new("outbox", false, "no outbox")
                : new("outbox", outboxAlarm is null && outbox.Pending < maxRows * OutboxNearlyFull, $"{(outboxAlarm is null ? string.Empty : "commits failing: ")}{outbox.Pending} pending of {maxRows} ({outbox.Held} kept in memory), {outbox.Dropped} dropped (quota) and {outbox.WriteFailed} lost (commit failed) since start"),
            model is null
                ? new("model", false, "no model loaded")
                : new("model", true, model.LastRefusal is { } refusal ? $"{model.Model.Id}; last candidate refused: {refusal}" : model.Model.Id),
            new("loop", loop.Alive, loop.Reason),
            Sorting(alarms),
        ];
    }

    private HealthCheckResult Gates(int count, string[] faulted, GateStatistics? statistics)
    {
        var now = time.GetUtcNow();
        // Unhealthy for a while after a missed gate (the belt outruns a gate now) or a lost fire (a record is untrue).
        var missedNow = statistics?.MissedRecently(now) == true;
        var lostNow = statistics?.LostRecently(now) == true;
        var state = faulted.Length == 0 ? $"{count} gates, none faulted" : $"faulted: {string.Join(", ", faulted)}";
        var timing = statistics is null ? string.Empty : $"; missed gates {statistics.MissedTotal}{Ago(statistics.LastMissedAt, now)}, lost fires {statistics.LostTotal}{Ago(statistics.LastLostAt, now)}";
        return new("gates", faulted.Length == 0 && !missedNow && !lostNow, state + timing);
    }

    private static string Ago(DateTimeOffset? at, DateTimeOffset now) =>
        at is { } t ? FormattableString.Invariant($" (last {(now - t).TotalSeconds:F0} s ago)") : string.Empty;

    /// <summary>running / idle (healthy) or jam / soft-stopped (not), with the active alarms' own sentences.</summary>
    private HealthCheckResult Sorting(AlarmSnapshot alarms)
    {
        var idle = services.GetService<IdleWatch>();
        var state = SortingState.Of(alarms, idle?.IsIdle == true, services.GetService<IInterlock>()?.IsActive == true);
        var detail = state == SortingState.Idle && idle is not null
            ? $"idle: no item for {idle.Quiet.TotalSeconds:F0} s (Trigger:IdleSeconds = {idle.Limit.TotalSeconds:F0})"
            : string.Join("; ", alarms.Active.Select(a => $"{a.Code}: {a.Message}").Prepend(state));
        return new("sorting", SortingState.IsHealthy(state), detail);
    }

    private static HealthCheckResult Device(string name, DeviceState? state) =>
        new(name, state == DeviceState.Online, state?.ToString() ?? "absent");
}
