using System.Diagnostics;
using SortStation.Integration.Tests.Support;

namespace SortStation.Integration.Tests;

/// <summary>
/// Both executables start through the Kernel's one skeleton (ServiceRun, StartupFailure): the same mistake in the
/// section they share gives the same exit code and the same kind of message from <c>sortstation run</c> and
/// <c>sortstation-central run</c> (the copies once disagreed on a binder error).
/// </summary>
public sealed class StartupExitCodeTests : IDisposable
{
    private readonly string _config = Path.Combine(Path.GetTempPath(), $"sortstation-startup-{Guid.NewGuid():N}.json");

    public static TheoryData<string, string> Mistakes => new()
    {
        { """{ "Health": { "Port": "eighty" } }""", "'Health:Port'" }, // the binder: a word where a number belongs
        { """{ "Health": { "Prot": 9465 } }""", "did you mean Port?" }, // an unknown key
        { """{ "Health": { "Port": 80 } }""", "Health:Port = 80: must be between 1024 and 65535" }, // a rule
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task Run_SameConfigurationMistake_BothHostsExit2WithTheSameMessage(string json, string expected)
    {
        File.WriteAllText(_config, json);

        var station = await StationProcess.RunAsync(["run", "--config", _config], timeout: TimeSpan.FromMinutes(1));
        var central = await RunCentralAsync("run", "--config", _config);

        Assert.Equal((2, 2), (station.ExitCode, central.ExitCode));
        Assert.Contains("Configuration error — the station was not started", station.Stderr, StringComparison.Ordinal);
        Assert.Contains("Configuration error — sortstation-central was not started", central.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, station.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, central.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", station.Stderr + central.Stderr, StringComparison.Ordinal); // never a stack trace
    }

    public void Dispose() => File.Delete(_config);

    // sortstation-central from its own build output (the same configuration as this assembly), so each executable
    // reads its own appsettings.json beside it.
    private static async Task<(int ExitCode, string Stderr)> RunCentralAsync(params string[] args)
    {
        var dll = Path.Combine(RepoPaths.Root, "src", "SortStation.Central.Host", "bin", BuildConfiguration, "net10.0", "sortstation-central.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build SortStation.sln first");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sortstation-central {string.Join(' ', args)} did not stop: {await stderr}");
        }

        await stdout;
        return (process.ExitCode, await stderr);
    }

    private static string BuildConfiguration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0/
}
