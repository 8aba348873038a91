namespace SortStation.Core.Pipeline;

/// <summary>Items of one label that went to one bin.</summary>
public sealed record LabelBinCount(string Label, string Bin, long Count);
