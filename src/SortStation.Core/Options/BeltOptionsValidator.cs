using Microsoft.Extensions.Options;
using SortStation.Kernel.Options;

namespace SortStation.Core.Options;

/// <summary>Rules of <see cref="BeltOptions"/>.</summary>
public sealed class BeltOptionsValidator : IValidateOptions<BeltOptions>
{
    /// <summary>Shortest lateness window: the gate clock itself lands up to a few milliseconds late on a loaded CPU.</summary>
    public const int MinLateMilliseconds = 5;

    public ValidateOptionsResult Validate(string? name, BeltOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ConfigErrors();
        if (!(options.SpeedMetersPerSecond > 0) || options.SpeedMetersPerSecond > 10)
        {
            errors.Add("Belt:SpeedMetersPerSecond", options.SpeedMetersPerSecond, "must be a belt speed above 0 and at most 10 m/s.", "measure the belt (e.g. time a mark over 1 m) and enter metres per second, e.g. 0.5.");
        }

        if (options.GateLeadMilliseconds is < 0 or > 1000)
        {
            errors.Add("Belt:GateLeadMilliseconds", options.GateLeadMilliseconds, "must be between 0 and 1000 ms.", "use the actuator's travel time from its datasheet, or 0.");
        }

        if (options.MaxLateMilliseconds is < MinLateMilliseconds or > 5000)
        {
            errors.Add("Belt:MaxLateMilliseconds", options.MaxLateMilliseconds, $"must be {MinLateMilliseconds}–5000 ms, or null to derive it per gate from Sorting:Bins:*:GateWidthMeters.", "remove the key, or use the time an item stays in front of a paddle (paddle width ÷ belt speed), e.g. 100.");
        }

        return errors.ToResult();
    }
}
