using Microsoft.Extensions.Options;
using SortStation.Kernel.Options;

namespace SortStation.Core.Options;

/// <summary>Cross-field rules of <see cref="SortingOptions"/>; every message names the key, the value and the fix.</summary>
public sealed class SortingOptionsValidator : IValidateOptions<SortingOptions>
{
    private const string S = SortingOptions.Section;

    public ValidateOptionsResult Validate(string? name, SortingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ConfigErrors();
        var known = string.Join(", ", options.Bins.Keys.Order(StringComparer.Ordinal));

        if (options.MinConfidence is < 0 or > 1 || double.IsNaN(options.MinConfidence))
        {
            errors.Add($"{S}:MinConfidence", options.MinConfidence, "must be a probability between 0 and 1.", "use e.g. 0.95, the default (the model card's operating point).");
        }

        if (options.Bins.Count == 0)
        {
            errors.Add($"{S}:Bins", null, "no bins are defined.", "define at least the reject bin under Sorting:Bins.");
        }

        if (!options.Bins.ContainsKey(options.RejectBin ?? string.Empty))
        {
            errors.Add($"{S}:RejectBin", options.RejectBin, "is not defined under Sorting:Bins.", $"add Sorting:Bins:{options.RejectBin} or pick one of: {known}.");
        }

        ValidateEndOfBelt(errors, options, known);
        if (options.ClassificationBudgetMilliseconds is < 1 or > 60_000)
        {
            errors.Add($"{S}:ClassificationBudgetMilliseconds", options.ClassificationBudgetMilliseconds, "must be 1–60000 ms.", "use the station's trigger-to-routing time with headroom, e.g. 300 (see sortstation_item_latency_seconds).");
        }

        foreach (var (label, bin) in options.Routes)
        {
            if (!options.Bins.ContainsKey(bin ?? string.Empty))
            {
                errors.Add($"{S}:Routes:{label}", bin, $"label '{label}' is routed to a bin that is not defined under Sorting:Bins.", $"define Sorting:Bins:{bin} or route '{label}' to one of: {known}.");
            }
        }

        foreach (var (bin, o) in options.Bins)
        {
            ValidateBin(errors, bin, o);
        }

        ValidateUniquePins(errors, options);
        return errors.ToResult();
    }

    private static void ValidateBin(ConfigErrors errors, string bin, BinOptions o)
    {
        var key = $"{S}:Bins:{bin}";
        if (!(o.DistanceMeters > 0) || double.IsInfinity(o.DistanceMeters))
        {
            errors.Add($"{key}:DistanceMeters", o.DistanceMeters, "must be a positive distance in metres.", "measure the belt distance from the camera line to this gate.");
        }

        if (o.Gate != GateKind.None && o.Pin is null)
        {
            errors.Add($"{key}:Pin", null, $"a {o.Gate} gate needs a GPIO pin.", "set the BCM pin number from the wiring table in hardware/README.md, or set Gate to None for a passive bin.");
        }

        if (o.Pin is < 0 or > 27)
        {
            errors.Add($"{key}:Pin", o.Pin, "is not a GPIO on the Raspberry Pi 40-pin header (BCM 0–27).", "use a BCM number between 2 and 27 (see hardware/README.md).");
        }

        if (o.Gate != GateKind.None && o.PulseMilliseconds is < 5 or > 5000)
        {
            errors.Add($"{key}:PulseMilliseconds", o.PulseMilliseconds, "is outside 5–5000 ms.", "use the actuator's rated pulse, typically 50–150 ms for a solenoid.");
        }

        if (o.Gate != GateKind.None && o.ReleaseMilliseconds is < 0 or > 5000)
        {
            errors.Add($"{key}:ReleaseMilliseconds", o.ReleaseMilliseconds, "is outside 0–5000 ms.", "use the actuator's return time: about 20 for a solenoid, the swing-back time (e.g. 150) for a servo.");
        }

        if (o.Gate != GateKind.None && (!(o.GateWidthMeters > 0) || o.GateWidthMeters > 2))
        {
            errors.Add($"{key}:GateWidthMeters", o.GateWidthMeters, "must be a paddle width above 0 and at most 2 m.", "measure the paddle or flap along the belt, e.g. 0.05.");
        }

        if (o.Gate == GateKind.Servo)
        {
            ValidateServo(errors, key, o);
        }
    }

    private static void ValidateEndOfBelt(ConfigErrors errors, SortingOptions options, string known)
    {
        var key = $"{S}:EndOfBeltBin";
        if (!options.Bins.TryGetValue(options.EndOfBeltBin ?? string.Empty, out var end))
        {
            errors.Add(key, options.EndOfBeltBin, "is not defined under Sorting:Bins; an item whose gate cannot divert it in time is recorded there.", $"name the passive bin at the end of the belt, one of: {known}.");
            return;
        }

        if (end.Gate != GateKind.None)
        {
            errors.Add(key, options.EndOfBeltBin, $"has a {end.Gate} gate; the end-of-belt bin is where items go when no gate fires.", "name a bin with Gate None (the bin the belt drops into).");
        }

        if (options.Bins.Where(b => b.Value.Gate != GateKind.None && double.IsFinite(b.Value.DistanceMeters)).MaxBy(b => b.Value.DistanceMeters) is { Key: not null } last && last.Value.DistanceMeters > end.DistanceMeters)
        {
            errors.Add(key, options.EndOfBeltBin, $"is {end.DistanceMeters} m from the camera, before the gate of '{last.Key}' ({last.Value.DistanceMeters} m); an item that misses a gate cannot reach it.", "name the passive bin past the last gate, or correct its DistanceMeters.");
        }
    }

    private static void ValidateServo(ConfigErrors errors, string key, BinOptions o)
    {
        foreach (var (name, angle) in new[] { ("RestDegrees", o.RestDegrees), ("ActiveDegrees", o.ActiveDegrees) })
        {
            if (angle is < 0 or > 180 || double.IsNaN(angle))
            {
                errors.Add($"{key}:{name}", angle, "a hobby servo turns 0–180 degrees.", "use an angle between 0 and 180.");
            }
        }

        if (Math.Abs(o.RestDegrees - o.ActiveDegrees) < 5)
        {
            errors.Add($"{key}:ActiveDegrees", o.ActiveDegrees, $"is within 5 degrees of RestDegrees ({o.RestDegrees}); the flap would not move.", "set the angle at which the flap blocks the belt, e.g. RestDegrees 0, ActiveDegrees 90.");
        }
    }

    private static void ValidateUniquePins(ConfigErrors errors, SortingOptions options)
    {
        var pins = options.Bins
            .Where(b => b.Value.Gate != GateKind.None && b.Value.Pin is not null)
            .GroupBy(b => b.Value.Pin!.Value)
            .Where(g => g.Count() > 1);
        foreach (var group in pins)
        {
            var names = string.Join(", ", group.Select(b => b.Key));
            errors.Add($"{S}:Bins:{group.First().Key}:Pin", group.Key, $"GPIO {group.Key} is used by several gates ({names}).", "give every gate its own pin.");
        }
    }
}
