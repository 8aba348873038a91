using Microsoft.Extensions.Logging.Abstractions;
using SortStation.Core.Timing;

namespace SortStation.Hardware.Bench;

/// <summary>
/// Items arriving at a fixed rate, each routed to a random gate 0.4–1.4 m down a 0.5 m/s belt, scheduled
/// on the real <see cref="GateScheduler"/> on the system clock. The error of one fire is the time the
/// gate's output was switched minus the time it was due.
/// </summary>
internal static class Scenario
{
    // The clock's precision is measured, not the booking: no fire is ever refused for lateness here.
    private static readonly GateWindows Windows = GateWindows.Fixed(new GateWindow(TimeSpan.FromMilliseconds(80), TimeSpan.FromSeconds(10)));

    private static readonly (string Bin, double Meters)[] Gates = [("fibre", 0.40), ("glass", 0.65), ("metal", 0.90), ("plastic", 1.15), ("residual", 1.40)];

    public static async Task<ScenarioResult> RunAsync(string name, int items, double ratePerSecond, TimeSpan? wakeEarly, CancellationToken ct)
    {
        var gates = Gates.Select(g => new RecordingGate(g.Bin, TimeSpan.FromMilliseconds(80))).ToArray();
        var scheduler = wakeEarly is { } w
            ? new GateScheduler(gates, Windows, TimeProvider.System, NullLogger<GateScheduler>.Instance) { WakeEarly = w }
            : new GateScheduler(gates, Windows, TimeProvider.System, NullLogger<GateScheduler>.Instance);

        var errors = new List<double>(items);
        scheduler.Fired += (_, e) =>
        {
            lock (errors)
            {
                errors.Add(e.Error.TotalMilliseconds);
            }
        };

        var random = new Random(6);
        var period = TimeSpan.FromSeconds(1 / ratePerSecond);
        using var timer = new PeriodicTimer(period);
        await using (scheduler)
        {
            for (var i = 0; i < items && await timer.WaitForNextTickAsync(ct); i++)
            {
                var (bin, meters) = Gates[random.Next(Gates.Length)];
                var seen = TimeProvider.System.GetUtcNow();
                scheduler.Schedule(bin, seen + TimeSpan.FromSeconds(meters / 0.5), $"item-{i}");
            }

            await scheduler.WhenIdleAsync(ct);
        }

        return ScenarioResult.From(name, ratePerSecond, scheduler.WakeEarly, scheduler.RealtimeClock, errors);
    }
}
