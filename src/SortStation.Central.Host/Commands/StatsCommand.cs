using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SortStation.Central.Hosting;
using SortStation.Central.Ingest;
using SortStation.Central.Storage;
using SortStation.Kernel.Hosting;
using SortStation.Operations;

namespace SortStation.Central.Commands;

/// <summary><c>sortstation-central stats</c>: what the database holds, from any process (the counters are stored).</summary>
public static class StatsCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(TimeProvider timeProvider)
    {
        var config = ConfigOption.Create();
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var command = new Command("stats", "Counts of stored weighings, duplicates dropped, rejected messages by reason, per station and label.") { config, json };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            IngestStats stats;
            try
            {
                using var database = await CliDatabase.OpenAsync(CentralConfiguration.Build(parse.GetValue(config)), timeProvider, ct);
                stats = await database.Weighings.ReadStatsAsync(ct);
            }
#pragma warning disable CA1031 // Reported with an exit code, not a stack trace.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                return StartupFailure.Report(ex, parse.InvocationConfiguration.Error, CentralHostBuilder.NotStarted);
            }

            await output.WriteAsync((parse.GetValue(json) ? JsonSerializer.Serialize(stats, Json) + Environment.NewLine : Format(stats)).AsMemory(), ct);
            return 0;
        });
        return command;
    }

    public static string Format(IngestStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            string.Create(c, $"weighings stored:   {stats.Stored}"),
            string.Create(c, $"duplicates dropped: {stats.DuplicatesDropped}"),
            string.Create(c, $"malformed rejected: {stats.MalformedRejected}"),
        };
        lines.AddRange(stats.RejectedByReason.Select(r => string.Create(c, $"  {r.Key,-30} {r.Value,10}")));
        lines.Add(string.Empty);
        lines.Add("per station:");
        // Keys come from stations (and rows stored before validation was strict): never print them raw.
        lines.AddRange(stats.PerStation.Select(r => string.Create(c, $"  {PrintableText.Escape(r.Key),-24} {r.Weighings,10} weighings {r.TotalWeightKg,12:F3} kg")));
        lines.Add(string.Empty);
        lines.Add("per label:");
        lines.AddRange(stats.PerLabel.Select(r => string.Create(c, $"  {PrintableText.Escape(r.Key),-24} {r.Weighings,10} weighings {r.TotalWeightKg,12:F3} kg")));
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }
}
