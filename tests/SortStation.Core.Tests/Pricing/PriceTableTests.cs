using SortStation.Core.Options;
using SortStation.Core.Pricing;
using SortStation.Core.Tests.Support;
using SortStation.Core.Units;

namespace SortStation.Core.Tests.Pricing;

public sealed class PriceTableTests
{
    private readonly TestOptionsMonitor<PricingOptions> _options = new(new PricingOptions
    {
        Currency = "IDR",
        Decimals = 0,
        PerKg = new(StringComparer.OrdinalIgnoreCase) { ["metal"] = 8000m, ["plastic"] = 3500m },
    });

    [Fact]
    public void Price_PricedLabel_ValueIsWeightTimesUnitPriceRounded()
    {
        var priced = new PriceTable(_options).Price("metal", Mass.FromGrams(41.3));

        Assert.Equal(new PricedWeight(8000m, 330m, "IDR"), priced); // 0.0413 kg × 8000 = 330.4
    }

    [Fact]
    public void Price_MidpointValue_RoundsAwayFromZero()
    {
        _options.CurrentValue.PerKg["paper"] = 1000m;

        Assert.Equal(3m, new PriceTable(_options).Price("paper", Mass.FromGrams(2.5)).Value); // 2.5 → 3, not banker's 2
    }

    [Fact]
    public void Price_TwoDecimalCurrency_KeepsCents()
    {
        _options.CurrentValue = new PricingOptions { Currency = "EUR", Decimals = 2, PerKg = new() { ["metal"] = 1.25m } };

        Assert.Equal(0.05m, new PriceTable(_options).Price("metal", Mass.FromGrams(40)).Value);
    }

    [Fact]
    public void Price_UnpricedLabel_UnitPriceAndValueNull()
    {
        Assert.Equal(new PricedWeight(null, null, "IDR"), new PriceTable(_options).Price("glass", Mass.FromGrams(300)));
    }

    [Fact]
    public void Price_MissingWeight_UnitPriceKeptValueNull()
    {
        Assert.Equal(new PricedWeight(8000m, null, "IDR"), new PriceTable(_options).Price("metal", null));
    }

    [Fact]
    public void Price_PriceTableChangedLive_NextItemUsesNewPrice()
    {
        var table = new PriceTable(_options);
        _options.CurrentValue = new PricingOptions { Currency = "IDR", PerKg = new() { ["metal"] = 10000m } };

        Assert.Equal(10000m, table.Price("metal", Mass.FromKilograms(1)).Value);
    }
}
