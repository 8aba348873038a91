using System.Globalization;
using SortStation.Central.Options;
using SortStation.Central.Storage;
using SortStation.Clustering;

namespace SortStation.Central.Recluster;

/// <summary>Turns the database's group totals into the analysis input (features weight_kg, unit_price) and runs it.</summary>
public static class FleetAnalysis
{
    public static readonly IReadOnlyList<string> Features = ["weight_kg", "unit_price"];

    public static RawTable ToTable(IReadOnlyList<GroupTotal> totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var records = totals.Select((t, i) => new RawRecord(
            i + 1,
            t.ItemType,
            [t.TotalWeightKg.ToString("R", CultureInfo.InvariantCulture), t.MeanUnitPrice?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty]));
        return new RawTable(Features, [.. records]);
    }

    public static AnalysisOptions Options(CentralClusteringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ = KRange.TryParse(options.KRange, out var kMin, out var kMax); // validated at start
        return new AnalysisOptions { Scaling = options.ParsedScale, KMin = kMin, KMax = kMax, Seed = options.Seed };
    }

    public static AnalysisResult Run(IReadOnlyList<GroupTotal> totals, CentralClusteringOptions options, CancellationToken cancellationToken) =>
        ClusteringAnalysis.Run(ToTable(totals), Options(options), cancellationToken: cancellationToken);
}
