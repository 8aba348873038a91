using SortStation.Core.Options;
using SortStation.Hardware.Options;

namespace SortStation.Hardware.Pins;

/// <summary>The GPIOs the station drives or reads, built from the configuration.</summary>
public static class PinMap
{
    public static IReadOnlyList<PinFunction> Build(HardwareLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var map = new List<PinFunction>();
        foreach (var (bin, o) in layout.Sorting.Bins.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            if (o.Gate != GateKind.None && o.Pin is { } pin)
            {
                var level = o.Gate == GateKind.Servo ? $"PWM {o.RestDegrees}°→{o.ActiveDegrees}°" : o.ActiveHigh ? "active high" : "active low";
                map.Add(new PinFunction(pin, $"gate {bin}", "out", $"Sorting:Bins:{bin}:Pin", $"{o.Gate}, {level}"));
            }
        }

        var s = layout.Scale;
        map.Add(new PinFunction(s.DataPin, "scale DOUT", "in", "Scale:DataPin", $"HX711 data, {s.Gain}"));
        map.Add(new PinFunction(s.ClockPin, "scale PD_SCK", "out", "Scale:ClockPin", "HX711 clock / power-down"));
        var t = layout.Trigger;
        if (t.Kind == TriggerKind.PhotoEye)
        {
            map.Add(new PinFunction(t.Pin, "photo-eye", "in", "Trigger:Pin", $"{(t.ActiveHigh ? "active high" : "active low")}{(t.PullUp ? ", pull-up" : string.Empty)}"));
        }

        var e = layout.EStop;
        if (e.Enabled)
        {
            map.Add(new PinFunction(e.Pin, "e-stop", "in", "EStop:Pin", $"{(e.ActiveHigh ? "high = stop" : "low = stop")}{(e.PullUp ? ", pull-up" : string.Empty)}"));
        }

        return map;
    }

    /// <summary>Pins claimed by more than one function.</summary>
    public static IEnumerable<IGrouping<int, PinFunction>> Conflicts(IEnumerable<PinFunction> map) =>
        map.GroupBy(p => p.Bcm).Where(g => g.Count() > 1);
}
