using ScottPlot;
using SortStation.Central.Queries;
using SortStation.Central.Reports;
using SortStation.Central.Web.Options;
using SortStation.Clustering;

namespace SortStation.Central.Web.Charts;

/// <summary>
/// The console's charts, drawn on the server as SVG with ScottPlot (already central's plotting library): no
/// JavaScript chart library to vendor, nothing to run in the browser, and a chart is an &lt;img&gt;, so it shows
/// without JavaScript and under a strict Content-Security-Policy.
/// </summary>
public static class ConsoleCharts
{
    public const int Width = 960;

    /// <summary>Items per hour in the console's time zone: bars up to two days, a line beyond.</summary>
    public static string Hourly(IReadOnlyList<HourCount> hours, ConsoleClock clock, string itemsLabel)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(clock);
        var plot = new Plot();
        var xs = hours.Select(h => clock.ToLocal(h.Hour).DateTime.ToOADate()).ToArray();
        var ys = hours.Select(h => (double)h.Items).ToArray();
        if (hours.Count <= 48)
        {
            var bars = plot.Add.Bars(xs.Select(x => x + 0.5 / 24).ToArray(), ys);
            foreach (var bar in bars.Bars)
            {
                bar.Size = 0.8 / 24;
            }
        }
        else
        {
            var line = plot.Add.Scatter(xs, ys);
            line.MarkerSize = 0;
        }

        plot.Axes.DateTimeTicksBottom();
        plot.Axes.Margins(bottom: 0);
        plot.YLabel(itemsLabel);
        return plot.GetSvgXml(Width, 300);
    }

    public static string Elbow(AnalysisResult result, ClusterPlotText text) => ClusterPlots.ElbowPlot(result, text).GetSvgXml(Width / 2, 360);

    public static string Silhouette(AnalysisResult result, ClusterPlotText text) => ClusterPlots.SilhouettePlot(result, text).GetSvgXml(Width / 2, 360);

    public static string Scatter(AnalysisResult result, ClusterPlotText text) => ClusterPlots.ScatterPlot(result, text).GetSvgXml(Width, 520);
}
