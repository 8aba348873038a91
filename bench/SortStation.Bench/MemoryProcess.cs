using System.Diagnostics;
using System.Text.Json;

namespace SortStation.Bench;

/// <summary>Runs the memory scenario in a child process of this benchmark (<c>--only memory</c>), with the runtime settings of the systemd unit, and returns its figures.</summary>
internal static class MemoryProcess
{
    public static async Task<object> RunAsync(BenchArguments a)
    {
        var output = Path.Combine(Path.GetTempPath(), $"sortstation-bench-memory-{Environment.ProcessId}.json");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SortStation.Bench.dll"));
        foreach (var arg in new[] { "--only", "memory-child", "--memory-items", a.MemoryItems.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", output })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in a.Base.Settings)
        {
            start.ArgumentList.Add("--set");
            start.ArgumentList.Add($"{key}={value}");
        }

        if (a.Image is not null)
        {
            start.ArgumentList.Add("--image");
            start.ArgumentList.Add(a.Image);
        }

        if (a.Model is not null)
        {
            start.ArgumentList.Add("--model");
            start.ArgumentList.Add(a.Model);
        }

        var environment = UnitEnvironment.Read();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        Console.WriteLine($"memory: child process with the unit's runtime settings: {(environment.Count == 0 ? "(none found)" : string.Join(' ', environment.Select(e => $"{e.Key}={e.Value}")))}");
        try
        {
            using var process = Process.Start(start)!;
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("memory:", StringComparison.Ordinal))
                {
                    Console.WriteLine(line);
                }
            }

            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"memory scenario process exited with {process.ExitCode}");
            }

            using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(output));
            return doc.RootElement.GetProperty("memory").Clone();
        }
        finally
        {
            File.Delete(output);
        }
    }
}
