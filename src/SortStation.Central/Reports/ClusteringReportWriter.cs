using System.Globalization;
using System.Text;
using SortStation.Clustering;

namespace SortStation.Central.Reports;

/// <summary>Writes elbow.png, silhouette.png, clusters.png and summary.md into a directory.</summary>
public sealed class ClusteringReportWriter(TimeProvider timeProvider)
{
    public async Task<IReadOnlyList<string>> WriteAsync(
        AnalysisResult result, ClusterSettings settings, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(settings);
        Directory.CreateDirectory(directory);
        ClusterPlots.Elbow(result, Path.Combine(directory, "elbow.png"));
        ClusterPlots.Silhouette(result, Path.Combine(directory, "silhouette.png"));
        ClusterPlots.Scatter(result, Path.Combine(directory, "clusters.png"));
        await File.WriteAllTextAsync(Path.Combine(directory, "summary.md"), Markdown(result, settings), cancellationToken);
        return ["elbow.png", "silhouette.png", "clusters.png", "summary.md"];
    }

    private string Markdown(AnalysisResult result, ClusterSettings settings)
    {
        var d = result.Dropped;
        var sb = new StringBuilder();
        sb.AppendLine("# Clustering report").AppendLine();
        sb.AppendLine(Inv($"Generated {timeProvider.GetUtcNow():yyyy-MM-dd HH:mm} UTC by `sortstation-central cluster`."));
        sb.AppendLine();
        sb.AppendLine(Inv($"- Input: `{Path.GetFileName(settings.Input)}`: {result.InputRows} rows, {result.Records} clustered, {d.Total} dropped (malformed {d.Malformed}, invalid {d.Invalid}, duplicates {d.Duplicates}, outliers {d.Outliers})"));
        sb.AppendLine(Inv($"- Features: {string.Join(", ", result.Features)}; scaling: {result.Scaling.Method}; outliers: {settings.Analysis.Outliers.ToString().ToLowerInvariant()}; seed {result.Seed}; n_init {settings.Analysis.NInit}"));
        sb.AppendLine(Inv($"- Chosen k = **{result.ChosenK}** ({result.KSelection}); silhouette = **{result.Silhouette:F4}** ({result.SilhouetteMethod})"));
        sb.AppendLine().AppendLine("## Elbow").AppendLine();
        sb.AppendLine("SSE is the within-cluster sum of squares on the scaled features (scikit-learn's `inertia_`).").AppendLine();
        sb.Append(AnalysisTextReport.ElbowTable(result)).AppendLine();
        sb.AppendLine("![Elbow](elbow.png)").AppendLine().AppendLine("![Silhouette by k](silhouette.png)").AppendLine();
        sb.AppendLine("## Clusters (original units)").AppendLine();
        sb.Append(AnalysisTextReport.ClusterTable(result)).AppendLine();
        sb.AppendLine("![Clusters](clusters.png)");
        if (d.Rows.Count > 0)
        {
            sb.AppendLine().AppendLine("## Skipped rows").AppendLine();
            foreach (var row in d.Rows.Take(200))
            {
                sb.AppendLine(Inv($"- line {row.Line} ({row.Kind.ToString().ToLowerInvariant()}): {row.Reason}"));
            }
        }

        return sb.ToString();
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
