namespace SortStation.Contracts;

/// <summary>A class label with the classifier's probability for it (0–1).</summary>
public sealed record LabelScore(string Label, double Confidence);
