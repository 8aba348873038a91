using System.Globalization;
using ScottPlot;
using SortStation.Clustering;

namespace SortStation.Central.Reports;

/// <summary>ScottPlot renderings of the elbow curve, silhouette per k and the clusters in original units (PNG for the report, SVG for the console).</summary>
public static class ClusterPlots
{
    private const int Width = 900;
    private const int Height = 600;

    public static void Elbow(AnalysisResult result, string path) => ElbowPlot(result, ClusterPlotText.English).SavePng(path, Width, Height);

    public static void Silhouette(AnalysisResult result, string path) => SilhouettePlot(result, ClusterPlotText.English).SavePng(path, Width, Height);

    public static void Scatter(AnalysisResult result, string path) => ScatterPlot(result, ClusterPlotText.English).SavePng(path, Width, Height);

    public static Plot ElbowPlot(AnalysisResult result, ClusterPlotText text)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(text);
        var plot = new Plot();
        var ks = result.Elbow.Select(p => (double)p.K).ToArray();
        var line = plot.Add.Scatter(ks, result.Elbow.Select(p => p.Sse).ToArray());
        line.LegendText = text.Sse;
        return PerK(plot, result.ChosenK, Inv($"{text.ChosenK} = {result.ChosenK} ({result.KSelection})"), text, text.ElbowTitle, $"SSE on {result.Scaling.Method}-scaled features");
    }

    public static Plot SilhouettePlot(AnalysisResult result, ClusterPlotText text)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(text);
        var plot = new Plot();
        var points = result.Elbow.Where(p => p.Silhouette is not null).ToArray();
        var line = plot.Add.Scatter(points.Select(p => (double)p.K).ToArray(), points.Select(p => p.Silhouette!.Value).ToArray());
        line.LegendText = text.Silhouette;
        return PerK(plot, result.ChosenK, Inv($"{text.ChosenK} = {result.ChosenK}"), text, text.SilhouetteTitle, "silhouette");
    }

    /// <summary>What the elbow and silhouette plots share: the chosen k dashed, k on the x axis in steps of one, the legend.</summary>
    private static Plot PerK(Plot plot, int chosenK, string chosenLegend, ClusterPlotText text, string? title, string yLabel)
    {
        var chosen = plot.Add.VerticalLine(chosenK);
        chosen.LegendText = chosenLegend;
        chosen.LinePattern = LinePattern.Dashed;
        if (title is not null)
        {
            plot.Title(title);
            plot.YLabel(yLabel);
        }

        plot.XLabel(text.K);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>First two features, original units; centroids drawn as open circles.</summary>
    public static Plot ScatterPlot(AnalysisResult result, ClusterPlotText text)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(text);
        var plot = new Plot();
        var m = result.Data.Features;
        var (fx, fy) = (0, Math.Min(1, m.Columns - 1));
        var palette = new ScottPlot.Palettes.Category10();
        foreach (var cluster in result.Clusters)
        {
            var rows = Enumerable.Range(0, m.Rows).Where(i => result.Fit.Labels[i] == cluster.Id).ToArray();
            var markers = plot.Add.Markers(
                rows.Select(i => m[i, fx]).ToArray(), rows.Select(i => m[i, fy]).ToArray(), MarkerShape.FilledCircle, 6, palette.GetColor(cluster.Id));
            markers.LegendText = Inv($"{cluster.Id}: {text.ClusterLabel(cluster.Label)} ({cluster.Count})");
        }

        // Centroids last so dense clusters cannot hide them.
        foreach (var cluster in result.Clusters)
        {
            var centre = plot.Add.Marker(cluster.Centroid[m.Names[fx]], cluster.Centroid[m.Names[fy]], MarkerShape.OpenCircle, 18, Colors.Black);
            centre.LineWidth = 2;
            centre.LegendText = cluster.Id == 0 ? text.Centroid : string.Empty;
        }

        if (text.ScatterTitle is { } title)
        {
            plot.Title(string.Format(CultureInfo.InvariantCulture, title, result.ChosenK));
        }

        plot.XLabel(text.Feature(m.Names[fx]));
        plot.YLabel(text.Feature(m.Names[fy]));
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
