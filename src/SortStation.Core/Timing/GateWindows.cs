using Microsoft.Extensions.Options;
using SortStation.Core.Options;

namespace SortStation.Core.Timing;

/// <summary>
/// The <see cref="GateWindow"/> of each gate from Sorting:Bins (pulse, release, paddle width) and Belt (speed,
/// MaxLateMilliseconds), read per item so a belt speed change applies to the next one. The pulse is the one the
/// gate drivers were built with at start (Sorting:Bins:*:PulseMilliseconds is not applied live): booking a
/// diversion shorter than the driver's pulse would start the next fire while the gate is still energised.
/// </summary>
public sealed class GateWindows
{
    private readonly Func<string, GateWindow> _for;

    public GateWindows(IOptionsMonitor<SortingOptions> sorting, IOptionsMonitor<BeltOptions> belt)
    {
        ArgumentNullException.ThrowIfNull(sorting);
        ArgumentNullException.ThrowIfNull(belt);
        var pulses = sorting.CurrentValue.Bins.ToDictionary(b => b.Key, b => b.Value.PulseMilliseconds, StringComparer.OrdinalIgnoreCase);
        _for = bin =>
        {
            var live = sorting.CurrentValue.Bins.GetValueOrDefault(bin) ?? new BinOptions();
            var pulse = pulses.TryGetValue(bin, out var atStart) ? atStart : live.PulseMilliseconds;
            return Of(pulse, live, belt.CurrentValue);
        };
    }

    private GateWindows(Func<string, GateWindow> windowFor) => _for = windowFor;

    /// <summary>The same window for every gate (tests, benchmarks).</summary>
    public static GateWindows Fixed(GateWindow window) => new(_ => window);

    public GateWindow For(string bin) => _for(bin);

    /// <summary>Pulse + release, and Belt:MaxLateMilliseconds or else the time an item stays in front of the paddle.</summary>
    public static GateWindow Of(BinOptions bin, BeltOptions belt)
    {
        ArgumentNullException.ThrowIfNull(bin);
        return Of(bin.PulseMilliseconds, bin, belt);
    }

    private static GateWindow Of(int pulseMilliseconds, BinOptions bin, BeltOptions belt)
    {
        ArgumentNullException.ThrowIfNull(belt);
        var cycle = TimeSpan.FromMilliseconds(pulseMilliseconds + bin.ReleaseMilliseconds);
        var maxLate = belt.MaxLateMilliseconds is { } ms
            ? TimeSpan.FromMilliseconds(ms)
            : TimeSpan.FromSeconds(bin.GateWidthMeters / belt.SpeedMetersPerSecond);
        return new GateWindow(cycle, maxLate);
    }
}
