namespace SortStation.Core.Pricing;

/// <summary>Price per kilogram and the value of one item; null where the label is unpriced or the weight missing.</summary>
public sealed record PricedWeight(decimal? UnitPrice, decimal? Value, string Currency);
