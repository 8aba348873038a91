namespace SortStation.Central.Storage;

/// <summary>Stored weighings of one station or one label.</summary>
public sealed record CountRow(string Key, long Weighings, double TotalWeightKg);
