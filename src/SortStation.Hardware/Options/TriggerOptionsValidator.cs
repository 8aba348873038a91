using Microsoft.Extensions.Options;
using SortStation.Core.Options;
using SortStation.Hardware.Pins;
using SortStation.Kernel.Options;

namespace SortStation.Hardware.Options;

/// <summary>Rules of <see cref="TriggerOptions"/>.</summary>
public sealed class TriggerOptionsValidator : IValidateOptions<TriggerOptions>
{
    private const string S = TriggerOptions.Section;

    public ValidateOptionsResult Validate(string? name, TriggerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ConfigErrors();
        if (!Enum.IsDefined(options.Kind))
        {
            errors.Add($"{S}:Kind", options.Kind, "is not a known trigger.", "use PhotoEye, ScaleLoad or Motion.");
        }

        if (options.Kind == TriggerKind.PhotoEye)
        {
            BoardPins.Check(errors, $"{S}:Pin", options.Pin);
        }

        if (options.DebounceMilliseconds is < 0 or > 1000)
        {
            errors.Add($"{S}:DebounceMilliseconds", options.DebounceMilliseconds, "must be 0–1000 ms.", "use 20; keep it below the gap between two items.");
        }

        if (!(options.LoadThresholdGrams > 0))
        {
            errors.Add($"{S}:LoadThresholdGrams", options.LoadThresholdGrams, "must be above 0 g.", "use about half the lightest item, e.g. 10.");
        }

        var roi = (options.RoiLeft, options.RoiTop, options.RoiWidth, options.RoiHeight);
        if (roi.RoiLeft < 0 || roi.RoiTop < 0 || !(roi.RoiWidth > 0) || !(roi.RoiHeight > 0) || roi.RoiLeft + roi.RoiWidth > 1 || roi.RoiTop + roi.RoiHeight > 1)
        {
            errors.Add($"{S}:RoiLeft", $"{roi.RoiLeft},{roi.RoiTop},{roi.RoiWidth},{roi.RoiHeight}", "the motion region must lie inside the frame (fractions 0–1).", "use 0.25, 0.25, 0.5, 0.5 (the centre quarter).");
        }

        if (options.MotionThreshold is <= 0 or > 255)
        {
            errors.Add($"{S}:MotionThreshold", options.MotionThreshold, "must be a grey-level change between 0 and 255.", "use 12; raise it if belt texture triggers items.");
        }

        if (options.RearmMilliseconds is < 0 or > 10_000)
        {
            errors.Add($"{S}:RearmMilliseconds", options.RearmMilliseconds, "must be 0–10000 ms.", "use 150.");
        }

        if (options.MinSpacingMilliseconds is < 1 or > 60_000)
        {
            errors.Add($"{S}:MinSpacingMilliseconds", options.MinSpacingMilliseconds, "must be 1–60000 ms.", "use the shortest gap between two items' leading edges at the camera line, above every gate's pulse + release, e.g. 150.");
        }

        return errors.ToResult();
    }
}
