namespace SortStation.Testing;

/// <summary>A temporary folder for Scale:CalibrationFile, so no test touches /var/lib/sortstation.</summary>
public sealed class CalibrationFolder : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("sortstation-calibration-").FullName;

    public string File => Path.Combine(Folder, "scale-calibration.json");

    /// <summary>The Scale section for the command runner's extra JSON.</summary>
    public string Json => JsonFor(File);

    public static string JsonFor(string path) => $$"""
        "Scale": { "CalibrationFile": "{{path}}" }
        """;

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
