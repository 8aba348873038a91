using ScottPlot;
using SortStation.Clustering;

namespace SortStation.Central.Reports;

/// <summary>ScottPlot renderings of the elbow curve, silhouette per k and the clusters in original units.</summary>
public static class ClusterPlots
{
    private const int Width = 900;
    private const int Height = 600;

    public static void Elbow(AnalysisResult result, string path)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = new Plot();
        var ks = result.Elbow.Select(p => (double)p.K).ToArray();
        var line = plot.Add.Scatter(ks, result.Elbow.Select(p => p.Sse).ToArray());
        line.LegendText = "SSE (within-cluster sum of squares)";
        var chosen = plot.Add.VerticalLine(result.ChosenK);
        chosen.LegendText = $"chosen k = {result.ChosenK} ({result.KSelection})";
        chosen.LinePattern = LinePattern.Dashed;
        plot.Title("Elbow: SSE by k");
        plot.XLabel("k (clusters)");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        plot.YLabel($"SSE on {result.Scaling.Method}-scaled features");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, Width, Height);
    }

    public static void Silhouette(AnalysisResult result, string path)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = new Plot();
        var points = result.Elbow.Where(p => p.Silhouette is not null).ToArray();
        var line = plot.Add.Scatter(points.Select(p => (double)p.K).ToArray(), points.Select(p => p.Silhouette!.Value).ToArray());
        line.LegendText = "mean silhouette";
        var chosen = plot.Add.VerticalLine(result.ChosenK);
        chosen.LegendText = $"chosen k = {result.ChosenK}";
        chosen.LinePattern = LinePattern.Dashed;
        plot.Title("Silhouette coefficient by k");
        plot.XLabel("k (clusters)");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        plot.YLabel("silhouette");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, Width, Height);
    }

    /// <summary>First two features, original units; centroids drawn as open circles.</summary>
    public static void Scatter(AnalysisResult result, string path)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = new Plot();
        var m = result.Data.Features;
        var (fx, fy) = (0, Math.Min(1, m.Columns - 1));
        var palette = new ScottPlot.Palettes.Category10();
        foreach (var cluster in result.Clusters)
        {
            var rows = Enumerable.Range(0, m.Rows).Where(i => result.Fit.Labels[i] == cluster.Id).ToArray();
            var markers = plot.Add.Markers(
                rows.Select(i => m[i, fx]).ToArray(), rows.Select(i => m[i, fy]).ToArray(), MarkerShape.FilledCircle, 6, palette.GetColor(cluster.Id));
            markers.LegendText = $"{cluster.Id}: {cluster.Label} ({cluster.Count})";
        }

        // Centroids last so dense clusters cannot hide them.
        foreach (var cluster in result.Clusters)
        {
            var centre = plot.Add.Marker(cluster.Centroid[m.Names[fx]], cluster.Centroid[m.Names[fy]], MarkerShape.OpenCircle, 18, Colors.Black);
            centre.LineWidth = 2;
            centre.LegendText = cluster.Id == 0 ? "centroid" : string.Empty;
        }

        plot.Title($"Clusters (k = {result.ChosenK}), original units; open circles = centroids");
        plot.XLabel(m.Names[fx]);
        plot.YLabel(m.Names[fy]);
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, Width, Height);
    }
}
