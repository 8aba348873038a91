namespace SortStation.Testing;

/// <summary>Where the checkout (found by SortStation.sln), its shipped model and the shared data folder beside it are.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary><c>../shared/data</c> beside the checkout, or SORTSTATION_SHARED_DATA.</summary>
    public static string SharedData { get; } =
        Environment.GetEnvironmentVariable("SORTSTATION_SHARED_DATA") ?? Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    public static string TrashNet => Path.Combine(SharedData, "trashnet");

    public static string Systemd => Path.Combine(Root, "systemd");

    /// <summary>The model appsettings.json ships with, as copied next to the test binaries.</summary>
    public static string ShippedModelFolder => Path.Combine(AppContext.BaseDirectory, "models", "mobilenetv2-trashnet");

    public static string ShippedModel => Path.Combine(ShippedModelFolder, "model.onnx");

    public static string StationDll => Path.Combine(AppContext.BaseDirectory, "sortstation.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SortStation.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SortStation.sln not found above " + AppContext.BaseDirectory);
    }
}
