using System.Diagnostics;

namespace SortStation.Operations.Tests.Support;

/// <summary>Runs systemd-analyze (offline: it needs no running systemd).</summary>
public static class SystemdAnalyze
{
    public static string? Path { get; } = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(d => System.IO.Path.Combine(d, "systemd-analyze"))
        .FirstOrDefault(File.Exists);

    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Path ?? "systemd-analyze") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["SYSTEMD_COLORS"] = "0";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output, await error);
    }
}
