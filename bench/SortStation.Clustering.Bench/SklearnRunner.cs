using System.Diagnostics;
using System.Text.Json;

namespace SortStation.Clustering.Bench;

/// <summary>Runs bench/sklearn_kmeans_bench.py on the same data and parses its JSON.</summary>
internal static class SklearnRunner
{
    public static async Task<JsonDocument?> RunAsync(string python, string script, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(script);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {python}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            await Console.Error.WriteLineAsync($"scikit-learn run failed ({process.ExitCode}): {await stderr}");
            return null;
        }

        return JsonDocument.Parse(await stdout);
    }
}
