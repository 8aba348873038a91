using SortStation.Clustering;

namespace SortStation.Central.Reports;

/// <summary>Validated options of the cluster command.</summary>
public sealed record ClusterSettings(
    string Input,
    IReadOnlyList<string> Features,
    AnalysisOptions Analysis,
    bool Json,
    string? ReportDirectory);
