using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SortStation.Core.Devices;
using SortStation.Core.Timing;
using SortStation.Operations;
using SortStation.Telemetry;
using SortStation.Vision;

namespace SortStation.Hosting;

/// <summary>/healthz of the station: camera, scale, gates, broker, outbox, model and the sorting loop.</summary>
internal sealed class StationHealthSource(IServiceProvider services, WatchdogFeeder watchdog, IOptions<OutboxOptions> outboxOptions, TimeProvider time) : IHealthSource
{
    // Above this share of Outbox:MaxRows the backlog is about to hit the quota and lose weighings.
    private const double OutboxNearlyFull = 0.9;

    // Gates are unhealthy this long after a missed gate (the belt outruns them now) or a lost fire (a record is untrue).
    private static readonly TimeSpan MissedRecently = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LostRecently = TimeSpan.FromMinutes(10);

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
                : new("outbox", outbox.Pending < maxRows * OutboxNearlyFull, $"{outbox.Pending} pending of {maxRows}, {outbox.Dropped} dropped since start"),
            model is null
                ? new("model", false, "no model loaded")
                : new("model", true, model.LastRefusal is { } refusal ? $"{model.Model.Id}; last candidate refused: {refusal}" : model.Model.Id),
            new("loop", loop.Alive, loop.Reason),
        ];
    }

    private HealthCheckResult Gates(int count, string[] faulted, GateStatistics? statistics)
    {
        var now = time.GetUtcNow();
        var missedNow = statistics?.LastMissedAt is { } missed && now - missed < MissedRecently;
        var lostNow = statistics?.LastLostAt is { } lost && now - lost < LostRecently;
        var state = faulted.Length == 0 ? $"{count} gates, none faulted" : $"faulted: {string.Join(", ", faulted)}";
        var timing = statistics is null ? string.Empty : $"; missed gates {statistics.MissedTotal}{Ago(statistics.LastMissedAt, now)}, lost fires {statistics.LostTotal}{Ago(statistics.LastLostAt, now)}";
        return new("gates", faulted.Length == 0 && !missedNow && !lostNow, state + timing);
    }

    private static string Ago(DateTimeOffset? at, DateTimeOffset now) =>
        at is { } t ? FormattableString.Invariant($" (last {(now - t).TotalSeconds:F0} s ago)") : string.Empty;

    private static HealthCheckResult Device(string name, DeviceState? state) =>
        new(name, state == DeviceState.Online, state?.ToString() ?? "absent");
}
