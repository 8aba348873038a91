using Microsoft.Extensions.Options;
using SortStation.Core.Options;
using SortStation.Core.Units;

namespace SortStation.Core.Pricing;

/// <summary>Unit price and value of a weighing; reads the live price table on every call.</summary>
public sealed class PriceTable(IOptionsMonitor<PricingOptions> options)
{
    public string Currency => options.CurrentValue.Currency;

    public PricedWeight Unpriced => new(null, null, options.CurrentValue.Currency);

    public PricedWeight Price(string label, Mass? weight)
    {
        var o = options.CurrentValue;
        if (!o.PerKg.TryGetValue(label, out var unitPrice))
        {
            return new PricedWeight(null, null, o.Currency);
        }

        decimal? value = weight is { } w
            ? Math.Round((decimal)w.Kilograms * unitPrice, o.Decimals, MidpointRounding.AwayFromZero)
            : null;
        return new PricedWeight(unitPrice, value, o.Currency);
    }
}
