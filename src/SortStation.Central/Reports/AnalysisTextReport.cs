using System.Globalization;
using System.Text;
using SortStation.Clustering;

namespace SortStation.Central.Reports;

/// <summary>Plain-text tables for the console (also reused by the Markdown summary).</summary>
public static class AnalysisTextReport
{
    public static string Format(AnalysisResult result, ClusterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(settings);
        var sb = new StringBuilder();
        var d = result.Dropped;
        sb.AppendLine(Inv($"Input: {settings.Input}: {result.InputRows} rows, {result.Records} clustered, {d.Total} dropped (malformed {d.Malformed}, invalid {d.Invalid}, duplicates {d.Duplicates}, outliers {d.Outliers})"));
        foreach (var row in d.Rows.Take(50))
        {
            sb.AppendLine(Inv($"  skipped line {row.Line} ({row.Kind.ToString().ToLowerInvariant()}): {row.Reason}"));
        }

        if (d.Rows.Count > 50)
        {
            sb.AppendLine(Inv($"  ... {d.Rows.Count - 50} more (see --json)"));
        }

        sb.AppendLine(Inv($"Features: {string.Join(", ", result.Features)}; scaling: {result.Scaling.Method}; seed {result.Seed}, n_init {settings.Analysis.NInit}"));
        sb.AppendLine();
        sb.Append(ElbowTable(result));
        sb.AppendLine();
        sb.AppendLine(Inv($"Chosen k = {result.ChosenK} ({result.KSelection}); silhouette = {result.Silhouette:F4} ({result.SilhouetteMethod})"));
        sb.AppendLine();
        sb.Append(ClusterTable(result));
        return sb.ToString();
    }

    public static string ElbowTable(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        sb.AppendLine("| k | SSE | silhouette | |");
        sb.AppendLine("|---:|---:|---:|:---|");
        foreach (var p in result.Elbow)
        {
            var mark = p.K == result.ChosenK ? $"<- chosen ({result.KSelection})" : string.Empty;
            sb.AppendLine(Inv($"| {p.K} | {p.Sse:F4} | {(p.Silhouette is { } s ? s.ToString("F4", CultureInfo.InvariantCulture) : "-")} | {mark} |"));
        }

        return sb.ToString();
    }

    public static string ClusterTable(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder("| cluster | label | count |");
        var align = new StringBuilder("|---:|:---|---:|");
        foreach (var f in result.Features)
        {
            sb.Append(Inv($" {f} mean / min / max | {f} centroid |"));
            align.Append("---:|---:|");
        }

        sb.AppendLine().AppendLine(align.ToString());
        foreach (var c in result.Clusters)
        {
            sb.Append(Inv($"| {c.Id} | {c.Label} | {c.Count} |"));
            foreach (var f in result.Features)
            {
                sb.Append(Inv($" {c.Mean[f]:0.##} / {c.Min[f]:0.##} / {c.Max[f]:0.##} | {c.Centroid[f]:0.##} |"));
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
