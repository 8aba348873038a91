using System.Diagnostics;

namespace SortStation.Telemetry.Tests.Support;

/// <summary>The real station (<c>dotnet sortstation.dll run</c>) as a child process, configured by environment overrides.</summary>
public sealed class StationProcess : IDisposable
{
    private readonly Process _process;

    private StationProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    public static StationProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "sortstation.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "run"])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment["SORTSTATION__" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start)!;
        // Drain the pipes so a chatty child never blocks on a full buffer.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new StationProcess(process);
    }

    /// <summary>The model the station loads: the trained one if present, else the untrained export.</summary>
    public static string ModelPath()
    {
        foreach (var name in new[] { "mobilenetv2-trashnet", "mobilenetv2-untrained" })
        {
            var path = Path.Combine(AppContext.BaseDirectory, "models", name, "model.onnx");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("No model.onnx under models/ next to the tests; build src/SortStation with a model in models/.");
    }

    /// <summary>kill -9 of the whole tree: no shutdown hooks, no flush.</summary>
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
