namespace SortStation.Clustering;

public sealed record Assignment(int Line, string ItemType, int Cluster);
