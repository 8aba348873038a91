namespace SortStation.Core.Pipeline;

/// <summary>Per-label totals: items, items with a weight, their summed weight and value.</summary>
public sealed record LabelTotals(int Count, int Weighed, double WeightKg, decimal Value)
{
    public static LabelTotals Empty { get; } = new(0, 0, 0, 0);

    public double MeanWeightKg => Weighed == 0 ? 0 : WeightKg / Weighed;

    public LabelTotals Add(double? weightKg, decimal? value) => new(
        Count + 1,
        Weighed + (weightKg is null ? 0 : 1),
        WeightKg + (weightKg ?? 0),
        Value + (value ?? 0));
}
