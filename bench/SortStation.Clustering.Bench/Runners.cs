using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace SortStation.Clustering.Bench;

/// <summary>Starts the measurements in processes of their own and parses their JSON.</summary>
internal static class Runners
{
    /// <summary>A C# child (<see cref="ChildRun"/>); on <paramref name="cores"/> CPUs (taskset) when given, else all.</summary>
    public static Task<JsonElement?> CSharpAsync(BenchArgs opts, string what, string data, string labels, int? cores, CancellationToken ct)
    {
        var self = Path.Combine(AppContext.BaseDirectory, "SortStation.Clustering.Bench.dll");
        List<string> command = ["dotnet", self, "--child", what, "--data", data, "--labels", labels, "--n-init", Num(opts.NInit), "--k-range", $"{opts.KMin}-{opts.KMax}", "--seed", Num(opts.Seed)];
        if (cores is { } n)
        {
            command.InsertRange(0, ["taskset", "-c", n == 1 ? "0" : $"0-{n - 1}"]);
        }

        return RunAsync(command, null, ct);
    }

    /// <summary>bench/sklearn_kmeans_bench.py, with <paramref name="blasDirectory"/> first on its library path (this process only).</summary>
    public static Task<JsonElement?> SklearnAsync(BenchArgs opts, string data, string labels, string? blasDirectory, CancellationToken ct)
    {
        List<string> command = [opts.Python, BenchArgs.FindScript(), data, Num(opts.N), "2", labels, Num(opts.SilhouetteN), Num(opts.KMin), Num(opts.KMax), Num(opts.NInit), Num(opts.Seed), "1"];
        var environment = blasDirectory is null ? null : new Dictionary<string, string> { ["LD_LIBRARY_PATH"] = blasDirectory };
        return RunAsync(command, environment, ct);
    }

    /// <summary>
    /// Where Debian's OpenBLAS (pthreads) is: --openblas, the system's openblas-pthread folder when the package is
    /// installed, or the copy scripts/bench.sh unpacks into artifacts/openblas (installing the package would switch
    /// every program's libblas.so.3, torch included, through update-alternatives).
    /// </summary>
    public static string? FindOpenBlas(BenchArgs opts)
    {
        var candidates = new[]
        {
            opts.OpenBlas,
            "/usr/lib/x86_64-linux-gnu/openblas-pthread",
            BenchArgs.FindInRepo(Path.Combine("artifacts", "openblas", "root", "usr", "lib", "x86_64-linux-gnu", "openblas-pthread")),
        };
        return candidates.FirstOrDefault(c => c is not null && File.Exists(Path.Combine(c, "libblas.so.3")));
    }

    private static async Task<JsonElement?> RunAsync(List<string> command, Dictionary<string, string>? environment, CancellationToken ct)
    {
        var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        command.Skip(1).ToList().ForEach(info.ArgumentList.Add);
        foreach (var (key, value) in environment ?? [])
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {command[0]}");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            await Console.Error.WriteLineAsync($"{string.Join(' ', command.Take(4))} … failed ({process.ExitCode}): {await stderr}");
            return null;
        }

        using var doc = JsonDocument.Parse((await stdout).Trim().Split('\n')[^1]);
        return doc.RootElement.Clone();
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);
}
