namespace SortStation.Operations.Tests.Support;

/// <summary>The checkout (found by SortStation.sln) and the model copied beside the test binaries.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Systemd => Path.Combine(Root, "systemd");

    public static string ShippedModelFolder => Path.Combine(AppContext.BaseDirectory, "models", "mobilenetv2-trashnet");

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
