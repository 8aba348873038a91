namespace SortStation.Testing;

/// <summary>The real <c>sortstation</c> and <c>sortstation-central</c> binaries, run as a technician would.</summary>
public static class StationProcess
{
    /// <summary><c>sortstation run</c>, configured by SORTSTATION__ environment overrides ("Mqtt:Broker" → SORTSTATION__Mqtt__Broker).</summary>
    public static ChildProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> settings) =>
        ChildProcess.Start("sortstation.dll", ["run"], workingDirectory, settings.ToDictionary(
            s => "SORTSTATION__" + s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value));

    /// <summary><c>sortstation-central run --config FILE</c>.</summary>
    public static ChildProcess StartCentral(string workingDirectory, string configFile) =>
        ChildProcess.Start("sortstation-central.dll", ["run", "--config", configFile], workingDirectory);

    /// <summary>A <c>sortstation</c> command to its end: exit code and what it printed.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        IEnumerable<string> args, IDictionary<string, string>? environment = null, TimeSpan? timeout = null) =>
        ChildProcess.RunAsync("sortstation.dll", args, environment, timeout);

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
}
