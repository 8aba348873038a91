using System.Globalization;
using Microsoft.Extensions.Options;
using SortStation.Core.Timing;
using SortStation.Kernel.Options;

namespace SortStation.Core.Options;

/// <summary>
/// Cross-section rules of the belt layout, per gate: the item must reach the gate after the station has had its
/// classification budget and the gate lead; the item must stay in front of the paddle long enough for the gate clock;
/// and a stop must be able to serve the fires in flight. Skipped where the single-section rules already failed.
/// </summary>
public sealed class BeltLayoutValidator : IValidateOptions<BeltLayout>
{
    public ValidateOptionsResult Validate(string? name, BeltLayout options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (sorting, belt) = (options.Sorting, options.Belt);
        var errors = new ConfigErrors();
        if (!(belt.SpeedMetersPerSecond > 0) || belt.SpeedMetersPerSecond > 10)
        {
            return errors.ToResult(); // Belt:SpeedMetersPerSecond is reported by its own rule
        }

        foreach (var (bin, o) in sorting.Bins.Where(b => b.Value.Gate != GateKind.None && b.Value.DistanceMeters > 0 && double.IsFinite(b.Value.DistanceMeters)))
        {
            var key = $"{SortingOptions.Section}:Bins:{bin}";
            var travel = TimeSpan.FromSeconds(o.DistanceMeters / belt.SpeedMetersPerSecond);
            var needed = TimeSpan.FromMilliseconds(sorting.ClassificationBudgetMilliseconds + belt.GateLeadMilliseconds);
            if (travel < needed)
            {
                var minMeters = needed.TotalSeconds * belt.SpeedMetersPerSecond;
                var maxSpeed = o.DistanceMeters / needed.TotalSeconds;
                errors.Add(
                    $"{key}:DistanceMeters",
                    o.DistanceMeters,
                    Invariant($"at {belt.SpeedMetersPerSecond} m/s the item reaches this gate {travel.TotalMilliseconds:F0} ms after the camera, before the station has routed it (Sorting:ClassificationBudgetMilliseconds {sorting.ClassificationBudgetMilliseconds} + Belt:GateLeadMilliseconds {belt.GateLeadMilliseconds} = {needed.TotalMilliseconds:F0} ms): every item would miss it."),
                    Invariant($"move the gate at least {minMeters:0.###} m from the camera line, slow the belt to at most {maxSpeed:0.###} m/s, or lower the budget if the station routes faster (sortstation_item_latency_seconds)."));
            }

            var window = GateWindows.Of(o, belt);
            if (belt.MaxLateMilliseconds is null && window.MaxLate < TimeSpan.FromMilliseconds(BeltOptionsValidator.MinLateMilliseconds))
            {
                errors.Add(
                    $"{key}:GateWidthMeters",
                    o.GateWidthMeters,
                    Invariant($"at {belt.SpeedMetersPerSecond} m/s an item is in front of this paddle for only {window.MaxLate.TotalMilliseconds:F1} ms; the gate clock needs at least {BeltOptionsValidator.MinLateMilliseconds} ms to hit it."),
                    Invariant($"measure the paddle width along the belt (at least {BeltOptionsValidator.MinLateMilliseconds / 1000.0 * belt.SpeedMetersPerSecond:0.###} m at this speed), or set Belt:MaxLateMilliseconds."));
            }

            var lastFireEnds = travel + window.MaxLate + window.Cycle;
            if (lastFireEnds > Pipeline.SortingLoop.StopDrainLimit)
            {
                errors.Add(
                    $"{key}:DistanceMeters",
                    o.DistanceMeters,
                    Invariant($"an item reaches this gate {travel.TotalSeconds:F1} s after the camera; on a stop (systemctl stop) the station serves the items on the belt for at most {Pipeline.SortingLoop.StopDrainLimit.TotalSeconds:F0} s, so items still on their way would be recorded to a bin they do not reach."),
                    Invariant($"check the distance and Belt:SpeedMetersPerSecond; a gate this far needs a belt of at least {o.DistanceMeters / (Pipeline.SortingLoop.StopDrainLimit - window.MaxLate - window.Cycle).TotalSeconds:0.###} m/s."));
            }
        }

        return errors.ToResult();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
