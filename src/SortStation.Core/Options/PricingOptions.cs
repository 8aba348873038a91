using SortStation.Kernel.Options;

namespace SortStation.Core.Options;

/// <summary>Section <c>Pricing</c>: what the waste bank pays per kilogram of each label.</summary>
public sealed class PricingOptions
{
    public const string Section = "Pricing";

    /// <summary>ISO 4217 code, e.g. IDR.</summary>
    [AppliedLive]
    public string Currency { get; set; } = "IDR";

    /// <summary>Digits after the decimal point for values (0 for IDR, 2 for EUR).</summary>
    [AppliedLive]
    public int Decimals { get; set; }

    /// <summary>Label → price per kilogram. Labels without a price publish a null unit price and value.</summary>
    [AppliedLive]
    public Dictionary<string, decimal> PerKg { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
