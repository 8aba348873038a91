using SortStation.Clustering;

namespace SortStation.Central.Options;

/// <summary>Section <c>Clustering</c>: the scheduled re-clustering of stored weighings.</summary>
public sealed class CentralClusteringOptions
{
    public const string Section = "Clustering";

    /// <summary>Off on all instances but one when several run (they would publish the same result).</summary>
    public bool Enabled { get; set; } = true;

    public double IntervalMinutes { get; set; } = 60;

    /// <summary><c>label</c> or <c>station,label</c>.</summary>
    public string GroupBy { get; set; } = "label";

    /// <summary>Weighings of the last this many days are aggregated.</summary>
    public int PeriodDays { get; set; } = 30;

    /// <summary>Elbow range, e.g. <c>2-10</c>.</summary>
    public string KRange { get; set; } = "2-10";

    /// <summary><c>standard</c>, <c>minmax</c> or <c>none</c>.</summary>
    public string Scale { get; set; } = "standard";

    public ulong Seed { get; set; } = 42;

    /// <summary>Where the report (plots + summary.md) is rewritten after each run; empty writes none.</summary>
    public string? ReportDirectory { get; set; } = "reports/latest";

    public GroupBy ParsedGroupBy => string.Equals(GroupBy.Replace(" ", string.Empty, StringComparison.Ordinal), "station,label", StringComparison.OrdinalIgnoreCase)
        ? Options.GroupBy.StationLabel
        : Options.GroupBy.Label;

    public ScalingMethod ParsedScale => Scale switch
    {
        "minmax" => ScalingMethod.MinMax,
        "none" => ScalingMethod.None,
        _ => ScalingMethod.Standard,
    };
}
