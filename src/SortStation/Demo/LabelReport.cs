namespace SortStation.Demo;

/// <summary>Per-label line of the demo summary.</summary>
public sealed record LabelReport(int Count, double TotalWeightKg, double MeanWeightKg, decimal Value);
