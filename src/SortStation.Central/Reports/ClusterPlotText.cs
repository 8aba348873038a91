namespace SortStation.Central.Reports;

/// <summary>The words on the cluster plots: English for the report files, the reader's language in the console (titles there are HTML headings, so null).</summary>
public sealed record ClusterPlotText(
    string? ElbowTitle,
    string? SilhouetteTitle,
    string? ScatterTitle,
    string Sse,
    string ChosenK,
    string Silhouette,
    string K,
    string Centroid,
    Func<string, string> Feature,
    Func<string, string> ClusterLabel)
{
    public static ClusterPlotText English { get; } = new(
        "Elbow: SSE by k",
        "Silhouette coefficient by k",
        "Clusters (k = {0}), original units; open circles = centroids",
        "SSE (within-cluster sum of squares)",
        "chosen k",
        "mean silhouette",
        "k (clusters)",
        "centroid",
        f => f,
        l => l);
}
