using System.Diagnostics;

namespace SortStation.Integration.Tests.Support;

/// <summary>Runs the real <c>sortstation</c> binary as a child process, as a technician would.</summary>
public static class StationProcess
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        IEnumerable<string> args, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(RepoPaths.StationDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sortstation {string.Join(' ', args)} did not finish: {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
