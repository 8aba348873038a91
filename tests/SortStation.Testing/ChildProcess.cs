using System.Diagnostics;

namespace SortStation.Testing;

/// <summary>
/// One of our binaries (<c>dotnet X.dll …</c>, copied beside the tests) as a child process: left running until
/// killed (<see cref="Start"/>), or run to its exit code (<see cref="RunAsync"/>).
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    public static ChildProcess Start(string dll, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var process = Process.Start(Info(dll, args, workingDirectory, environment))!;
        // Drain the pipes so a chatty child never blocks on a full buffer.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(process);
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        string dll, IEnumerable<string> args, IEnumerable<KeyValuePair<string, string>>? environment = null, TimeSpan? timeout = null)
    {
        var argList = args.ToList();
        using var process = Process.Start(Info(dll, argList, AppContext.BaseDirectory, environment))!;
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
            throw new TimeoutException($"{Path.GetFileNameWithoutExtension(dll)} {string.Join(' ', argList)} did not finish: {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>kill -9 of the whole tree: no shutdown hooks, no flush, no DISCONNECT.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            KillHard();
        }

        _process.Dispose();
    }

    private static ProcessStartInfo Info(string dll, IEnumerable<string> args, string workingDirectory, IEnumerable<KeyValuePair<string, string>>? environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? [])
        {
            start.Environment[key] = value;
        }

        return start;
    }
}
