using System.Globalization;
using Microsoft.Extensions.Configuration;
using SortStation.Core.Options;
using SortStation.Core.Timing;
using SortStation.Hardware.Options;
using SortStation.Hosting;

namespace SortStation.Commands;

/// <summary>The part of <c>check-config</c> that says how many items per second each gate, and the trigger, can take.</summary>
internal static class GateCapacityReport
{
    public static void Write(TextWriter output, SortingOptions sorting, BeltOptions belt, FileInfo? configFile)
    {
        var trigger = StationConfiguration.Build(configFile).GetSection(TriggerOptions.Section).Get<TriggerOptions>() ?? new TriggerOptions();
        output.WriteLine(Invariant($"Gates at {belt.SpeedMetersPerSecond} m/s (one diversion = pulse + release; the most items per second a gate can divert back to back):"));
        foreach (var g in GateCapacity.Of(sorting, belt))
        {
            output.WriteLine(Invariant($"  {g.Bin,-12} {g.DistanceMeters,5:0.00} m, reached {g.Travel.TotalMilliseconds,5:F0} ms after the camera, diversion {g.Cycle.TotalMilliseconds,4:F0} ms -> at most {g.ItemsPerSecond,5:F1} items/s; a fire may start up to {g.MaxLate.TotalMilliseconds:F0} ms late"));
        }

        output.WriteLine(Invariant($"Trigger ({trigger.Kind}, on the Pi): at most {1 / trigger.MinSpacing.TotalSeconds:F1} items/s (items closer than {trigger.MinSpacing.TotalMilliseconds:F0} ms count as one). Items a gate cannot divert in time are recorded to '{sorting.EndOfBeltBin}' (reason missed-gate)."));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
