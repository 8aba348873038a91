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
        return Svg(plot, Width, 300);
    }

    public static string Elbow(AnalysisResult result, ClusterPlotText text) => Svg(ClusterPlots.ElbowPlot(result, text), Width / 2, 360);

    public static string Silhouette(AnalysisResult result, ClusterPlotText text) => Svg(ClusterPlots.SilhouettePlot(result, text), Width / 2, 360);

    public static string Scatter(AnalysisResult result, ClusterPlotText text) => Svg(ClusterPlots.ScatterPlot(result, text), Width, 520);

    // The browser draws the SVG's text, glyph by glyph where the server measured it: DejaVu Sans (on the server,
    // fonts-dejavu-core), then the widest common fallback, rather than the plot's default serif.
    private static string Svg(Plot plot, int width, int height)
    {
        plot.Font.Set("DejaVu Sans");
        return plot.GetSvgXml(width, height).Replace("font-family=\"DejaVu Sans\"", "font-family=\"DejaVu Sans, Verdana, sans-serif\"", StringComparison.Ordinal);
    }
}
