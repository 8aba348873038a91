using Microsoft.Extensions.Options;
using SortStation.Core.Options;
using SortStation.Hardware.Pins;
using SortStation.Kernel.Options;

namespace SortStation.Hardware.Options;

/// <summary>Rules of <see cref="ScaleOptions"/>.</summary>
public sealed class ScaleOptionsValidator : IValidateOptions<ScaleOptions>
{
    private const string S = ScaleOptions.Section;

    public ValidateOptionsResult Validate(string? name, ScaleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ConfigErrors();
        BoardPins.Check(errors, $"{S}:DataPin", options.DataPin);
        BoardPins.Check(errors, $"{S}:ClockPin", options.ClockPin);
        if (options.DataPin == options.ClockPin)
        {
            errors.Add($"{S}:ClockPin", options.ClockPin, "DOUT and PD_SCK are on the same pin.", "wire HX711 DOUT and PD_SCK to two different GPIOs (default 5 and 6).");
        }

        if (!Enum.IsDefined(options.Gain))
        {
            errors.Add($"{S}:Gain", options.Gain, "is not an HX711 input/gain.", "use A128, A64 or B32.");
        }

        if (!double.IsFinite(options.CountsPerKilogram) || Math.Abs(options.CountsPerKilogram) < 1)
        {
            errors.Add($"{S}:CountsPerKilogram", options.CountsPerKilogram, "the calibration factor must be a non-zero number of counts per kilogram.", "run sortstation calibrate-scale --known-mass 1.000kg --write /etc/sortstation/sortstation.json.");
        }

        if (options.WindowSamples is < 1 or > 50)
        {
            errors.Add($"{S}:WindowSamples", options.WindowSamples, "must be 1–50 samples.", "use 5 (half a second at 10 SPS).");
        }

        if (!(options.StableToleranceGrams > 0))
        {
            errors.Add($"{S}:StableToleranceGrams", options.StableToleranceGrams, "must be above 0 g.", "use about three times the scale's noise, e.g. 2.");
        }

        if (options.SettleTimeoutMilliseconds is < 100 or > 30_000)
        {
            errors.Add($"{S}:SettleTimeoutMilliseconds", options.SettleTimeoutMilliseconds, "must be 100–30000 ms.", "use 1500, less than the item's time on the scale.");
        }

        if (options.ZeroTrackingGrams < 0 || options.ZeroTrackingGrams >= options.StableToleranceGrams * 10)
        {
            errors.Add($"{S}:ZeroTrackingGrams", options.ZeroTrackingGrams, "must be 0 (off) or a small band well below an item's weight.", "use 1.");
        }

        if (!(options.CapacityKilograms > 0))
        {
            errors.Add($"{S}:CapacityKilograms", options.CapacityKilograms, "must be the load cell's rated capacity in kg.", "read it from the load cell's label, e.g. 10.");
        }

        if (options.ReadTimeoutMilliseconds is < 20 or > 10_000)
        {
            errors.Add($"{S}:ReadTimeoutMilliseconds", options.ReadTimeoutMilliseconds, "must be 20–10000 ms.", "use 500 (the HX711 delivers a sample every 100 ms at 10 SPS).");
        }

        if (options.TareSamples is < 1 or > 200)
        {
            errors.Add($"{S}:TareSamples", options.TareSamples, "must be 1–200.", "use 15.");
        }

        return errors.ToResult();
    }
}
