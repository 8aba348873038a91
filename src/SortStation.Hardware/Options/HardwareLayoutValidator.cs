using Microsoft.Extensions.Options;
using SortStation.Core.Options;
using SortStation.Hardware.Pins;
using SortStation.Kernel.Options;

namespace SortStation.Hardware.Options;

/// <summary>
/// Cross-section rules: every GPIO serves one function (gates, scale, photo-eye, e-stop), and every gate finishes a
/// diversion (pulse + release) before the trigger can report the next item, so it can divert two items in a row.
/// </summary>
public sealed class HardwareLayoutValidator : IValidateOptions<HardwareLayout>
{
    public ValidateOptionsResult Validate(string? name, HardwareLayout options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ConfigErrors();
        foreach (var group in PinMap.Conflicts(PinMap.Build(options)))
        {
            // Gate-against-gate clashes are already reported by the Sorting rules.
            if (group.All(p => p.IsGate))
            {
                continue;
            }

            var users = string.Join(", ", group.Select(p => $"{p.Function} ({p.Key})"));
            errors.Add(group.Last().Key, group.Key, $"GPIO {group.Key} is claimed by several functions: {users}.", "give every function its own pin; run sortstation pins to see the map and hardware/README.md for free pins.");
        }

        ValidateGateCycles(errors, options);
        return errors.ToResult();
    }

    private static void ValidateGateCycles(ConfigErrors errors, HardwareLayout options)
    {
        var spacing = options.Trigger.MinSpacing;
        foreach (var (bin, o) in options.Sorting.Bins.Where(b => b.Value.Gate != GateKind.None))
        {
            var cycle = o.PulseMilliseconds + o.ReleaseMilliseconds;
            if (cycle >= spacing.TotalMilliseconds)
            {
                errors.Add(
                    $"Sorting:Bins:{bin}:PulseMilliseconds",
                    o.PulseMilliseconds,
                    $"pulse {o.PulseMilliseconds} + ReleaseMilliseconds {o.ReleaseMilliseconds} = {cycle} ms is not shorter than the {spacing.TotalMilliseconds:F0} ms the trigger allows between two items (Trigger:MinSpacingMilliseconds {options.Trigger.MinSpacingMilliseconds}, {(options.Trigger.Kind == TriggerKind.PhotoEye ? $"DebounceMilliseconds {options.Trigger.DebounceMilliseconds}" : $"RearmMilliseconds {options.Trigger.RearmMilliseconds}")}): of two items in a row for '{bin}' the second would miss its gate.",
                    $"shorten the pulse to under {spacing.TotalMilliseconds - o.ReleaseMilliseconds:F0} ms (the actuator's rated pulse), or raise Trigger:MinSpacingMilliseconds above {cycle} if items are never closer.");
            }
        }
    }
}
