using Microsoft.Extensions.Options;
using SortStation.Kernel.Options;

namespace SortStation.Core.Options;

/// <summary>Rules of <see cref="PricingOptions"/>.</summary>
public sealed class PricingOptionsValidator : IValidateOptions<PricingOptions>
{
    public ValidateOptionsResult Validate(string? name, PricingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ConfigErrors();
        if (options.Currency is null || options.Currency.Length != 3 || !options.Currency.All(char.IsAsciiLetterUpper))
        {
            errors.Add("Pricing:Currency", options.Currency, "must be a three-letter ISO 4217 code.", "use e.g. IDR or EUR.");
        }

        if (options.Decimals is < 0 or > 4)
        {
            errors.Add("Pricing:Decimals", options.Decimals, "must be between 0 and 4.", "use 0 for IDR, 2 for EUR.");
        }

        foreach (var (label, price) in options.PerKg)
        {
            if (price < 0)
            {
                errors.Add($"Pricing:PerKg:{label}", price, "a price cannot be negative.", "enter the price paid per kilogram, or 0.");
            }
        }

        return errors.ToResult();
    }
}
