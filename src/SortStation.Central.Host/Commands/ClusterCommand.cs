using System.CommandLine;
using SortStation.Central.Options;
using SortStation.Central.Reports;
using SortStation.Clustering;

namespace SortStation.Central.Commands;

/// <summary>`cluster`: elbow + K-Means + silhouette + profiles on a weighing CSV, offline.</summary>
public static class ClusterCommand
{
    public static Command Create(TimeProvider timeProvider)
    {
        var input = new Option<string>("--input") { Description = "CSV with item_type and the feature columns.", Required = true };
        var features = new Option<string>("--features") { Description = "Comma-separated numeric columns.", DefaultValueFactory = _ => "weight_kg,unit_price" };
        var scale = new Option<string>("--scale") { Description = "standard | minmax | none.", DefaultValueFactory = _ => "standard" };
        scale.AcceptOnlyFromAmong("standard", "minmax", "none");
        var k = new Option<int?>("--k") { Description = "Fixed number of clusters (skips the knee search)." };
        var kRange = new Option<string>("--k-range") { Description = "Elbow range, e.g. 2-10.", DefaultValueFactory = _ => "2-10" };
        var outliers = new Option<string>("--outliers") { Description = "none | iqr (Tukey fences, 1.5 IQR).", DefaultValueFactory = _ => "none" };
        outliers.AcceptOnlyFromAmong("none", "iqr");
        var dedupe = new Option<bool>("--dedupe") { Description = "Drop exact duplicate rows (item type and values)." };
        var seed = new Option<ulong>("--seed") { Description = "Random seed (k-means++, silhouette sample).", DefaultValueFactory = _ => 42 };
        var nInit = new Option<int>("--n-init") { Description = "K-Means restarts per k.", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON instead of tables." };
        var report = new Option<string?>("--report") { Description = "Directory for PNG plots and a Markdown summary." };

        var command = new Command("cluster", "Cluster weighing records offline (elbow, K-Means, silhouette, profiles).")
        {
            input, features, scale, k, kRange, outliers, dedupe, seed, nInit, json, report,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(k) is { Implicit: false } && result.GetResult(kRange) is { Implicit: false })
            {
                result.AddError("Use either --k or --k-range, not both.");
            }

            if (result.GetResult(kRange) is { } r && !KRange.TryParse(r.GetValueOrDefault<string>(), out _, out _))
            {
                result.AddError("--k-range must look like 2-10 with 1 <= min <= max.");
            }
        });
        command.SetAction((parseResult, cancellationToken) =>
        {
            _ = KRange.TryParse(parseResult.GetValue(kRange), out var kMin, out var kMax); // validated above
            var featureList = parseResult.GetValue(features)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var settings = new ClusterSettings(
                parseResult.GetValue(input)!,
                featureList,
                new AnalysisOptions
                {
                    Scaling = parseResult.GetValue(scale) switch { "minmax" => ScalingMethod.MinMax, "none" => ScalingMethod.None, _ => ScalingMethod.Standard },
                    Outliers = parseResult.GetValue(outliers) == "iqr" ? OutlierFilter.Iqr : OutlierFilter.None,
                    DropDuplicates = parseResult.GetValue(dedupe),
                    FixedK = parseResult.GetValue(k),
                    KMin = kMin,
                    KMax = kMax,
                    NInit = parseResult.GetValue(nInit),
                    Seed = parseResult.GetValue(seed),
                },
                parseResult.GetValue(json),
                parseResult.GetValue(report));
            var io = parseResult.InvocationConfiguration;
            return new ClusterRunner(io.Output, io.Error, timeProvider).RunAsync(settings, cancellationToken);
        });
        return command;
    }
}
