using SortStation.Central.Csv;
using SortStation.Central.Reports;
using SortStation.Clustering;

namespace SortStation.Central.Commands;

/// <summary>Executes the cluster command: read, analyse, print, optionally write the report.</summary>
public sealed class ClusterRunner(TextWriter output, TextWriter error, TimeProvider timeProvider)
{
    public async Task<int> RunAsync(ClusterSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        CsvReadResult csv;
        try
        {
            csv = WeighingCsvReader.ReadFile(settings.Input, settings.Features);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CsvFormatException)
        {
            await error.WriteLineAsync($"error: {settings.Input}: {e.Message}".AsMemory(), cancellationToken);
            return 1;
        }

        AnalysisResult result;
        try
        {
            // CPU-bound and parallel inside; Task.Run keeps the invocation responsive to cancellation.
            result = await Task.Run(() => ClusteringAnalysis.Run(csv.Table, settings.Analysis, csv.Malformed, cancellationToken), cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            await error.WriteLineAsync($"error: {e.Message}".AsMemory(), cancellationToken);
            return 1;
        }

        if (settings.Json)
        {
            await output.WriteLineAsync(AnalysisJson.Serialize(result).AsMemory(), cancellationToken);
            if (result.Dropped.Total > 0)
            {
                await error.WriteLineAsync($"warning: {result.Dropped.Total} row(s) skipped, see \"dropped\"".AsMemory(), cancellationToken);
            }
        }
        else
        {
            await output.WriteAsync(AnalysisTextReport.Format(result, settings).AsMemory(), cancellationToken);
        }

        if (settings.ReportDirectory is { } directory)
        {
            var writer = new ClusteringReportWriter(timeProvider);
            var files = await writer.WriteAsync(result, settings, directory, cancellationToken);
            var notice = settings.Json ? error : output;
            await notice.WriteLineAsync($"report written to {Path.GetFullPath(directory)}: {string.Join(", ", files)}".AsMemory(), cancellationToken);
        }

        return 0;
    }
}
