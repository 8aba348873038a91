using System.Diagnostics;
using System.Globalization;

namespace SortStation.Central.Web.Bench;

/// <summary>
/// The CSV export of every row, read and discarded as it arrives, while the server's RSS is sampled every 50 ms:
/// a streamed export keeps the peak near the idle figure whatever the row count.
/// </summary>
internal static class CsvExport
{
    public static async Task<ExportResult> MeasureAsync(ConsoleServer server)
    {
        var (before, _) = server.Memory();
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, server.Memory().RssKb);
                await Task.Delay(50, CancellationToken.None);
            }
        });
        var watch = Stopwatch.StartNew();
        using var response = await server.Client.GetAsync("/api/weighings.csv", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        long bytes = 0, lines = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        var seconds = watch.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        return new ExportResult(lines - 1, bytes, seconds, before / 1024.0, peak / 1024.0);
    }
}

internal sealed record ExportResult(long Rows, long Bytes, double Seconds, double RssBeforeMb, double RssPeakMb)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Rows:N0} rows, {Bytes / 1048576.0:F0} MB in {Seconds:F1} s ({Rows / Seconds:N0} rows/s); server RSS {RssBeforeMb:F0} MB before, peak {RssPeakMb:F0} MB");
}
