using Microsoft.Extensions.Options;
using SortStation.Core.Options;
using SortStation.Hardware.Pins;

namespace SortStation.Hardware.Options;

/// <summary>Cross-section pin rule: every GPIO serves one function (gates, scale, photo-eye, e-stop).</summary>
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

        return errors.ToResult();
    }
}
