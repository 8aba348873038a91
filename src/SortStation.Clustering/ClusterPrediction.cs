namespace SortStation.Clustering;

public sealed record ClusterPrediction(int ClusterId, string Label);
