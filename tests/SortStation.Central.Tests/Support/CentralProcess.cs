using System.Diagnostics;

namespace SortStation.Central.Tests.Support;

/// <summary>The real service (<c>dotnet sortstation-central.dll run --config FILE</c>) as a child process.</summary>
public sealed class CentralProcess : IDisposable
{
    private readonly Process _process;

    private CentralProcess(Process process) => _process = process;

    public static CentralProcess Start(string workingDirectory, string configFile)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "sortstation-central.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "run", "--config", configFile])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        // Drain the pipes so a chatty child never blocks on a full buffer.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new CentralProcess(process);
    }

    /// <summary>kill -9: no shutdown, no DISCONNECT, unacknowledged messages stay with the broker.</summary>
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
}
