namespace SortStation.Central.Storage;

/// <summary>Outcome of one committed batch.</summary>
public readonly record struct StoreResult(int Inserted, int Duplicates, int Malformed);
