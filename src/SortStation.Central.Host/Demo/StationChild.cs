using System.Diagnostics;
using System.Globalization;

namespace SortStation.Central.Demo;

/// <summary>
/// One simulated station for the fleet demo: <c>sortstation demo --broker …</c> as a child process with its own
/// Station:Id (environment variable, as a technician would set it). Its summary (stdout) is kept for printing;
/// its log (stderr) goes to a file so the demo's output stays readable.
/// </summary>
internal sealed class StationChild
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task _stderr;

    private StationChild(string stationId, Process process, string logFile)
    {
        StationId = stationId;
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = CopyAsync(process.StandardError, logFile);
    }

    public string StationId { get; }

    public static StationChild Start(string station, string stationId, Uri broker, int items, DirectoryInfo? images, string logFile)
    {
        var dll = station.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(dll ? "dotnet" : station)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (dll)
        {
            start.ArgumentList.Add(station);
        }

        foreach (var arg in new[] { "demo", "--broker", broker.ToString(), "--items", items.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        if (images is not null)
        {
            start.ArgumentList.Add("--images");
            start.ArgumentList.Add(images.FullName);
        }

        start.Environment["SORTSTATION__Station__Id"] = stationId;
        // Each station its own belt: the simulation's seed follows the id (station-02 → 42 + 2).
        start.Environment["SORTSTATION__Simulation__Seed"] = (42 + int.Parse(stationId[^2..], CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {station}");
        process.StandardInput.Close();
        return new StationChild(stationId, process, logFile);
    }

    /// <summary>Waits for the station to finish; its exit code and summary.</summary>
    public async Task<(int ExitCode, string Summary)> WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw;
        }

        await _stderr;
        return (_process.ExitCode, await _stdout);
    }

    private static async Task CopyAsync(StreamReader from, string file)
    {
        await using var to = File.CreateText(file);
        await to.WriteAsync(await from.ReadToEndAsync());
    }
}
