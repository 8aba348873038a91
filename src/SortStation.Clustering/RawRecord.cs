namespace SortStation.Clustering;

/// <summary>One input row before coercion; <see cref="Line"/> is the 1-based source line for error reports.</summary>
public sealed record RawRecord(int Line, string ItemType, IReadOnlyList<string> Values);
