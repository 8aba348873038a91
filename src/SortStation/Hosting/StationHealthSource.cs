using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SortStation.Core.Devices;
using SortStation.Core.Timing;
using SortStation.Operations;
using SortStation.Telemetry;
using SortStation.Vision;

namespace SortStation.Hosting;

/// <summary>/healthz of the station: camera, scale, gates, broker, outbox, model and the sorting loop.</summary>
internal sealed class StationHealthSource(IServiceProvider services, WatchdogFeeder watchdog, IOptions<OutboxOptions> outboxOptions) : IHealthSource
{
    // Above this share of Outbox:MaxRows the backlog is about to hit the quota and lose weighings.
    private const double OutboxNearlyFull = 0.9;

    public IReadOnlyList<HealthCheckResult> Check()
    {
        // Resolved per request and optionally: a device that failed to construct must not break /healthz.
        var camera = services.GetService<ICamera>();
        var scale = services.GetService<IScale>();
        var gates = services.GetService<GateScheduler>()?.Gates.ToArray() ?? [];
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
            new("gates", faultedGates.Length == 0, faultedGates.Length == 0 ? $"{gates.Length} gates, none faulted" : $"faulted: {string.Join(", ", faultedGates)}"),
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

    private static HealthCheckResult Device(string name, DeviceState? state) =>
        new(name, state == DeviceState.Online, state?.ToString() ?? "absent");
}
