namespace SortStation.Clustering.Tests;

/// <summary>Locates ../shared/data/clustering/ relative to the repository root (the folder holding SortStation.sln).</summary>
internal static class PublishedSample
{
    public const string FileName = "waste-bank-weighings-sample.csv";

    public static string Searched { get; } = Locate();

    public static string? Path => File.Exists(Searched) ? Searched : null;

    private static string Locate()
    {
        var overridden = Environment.GetEnvironmentVariable("SORTSTATION_CLUSTERING_DATA");
        if (!string.IsNullOrEmpty(overridden))
        {
            return System.IO.Path.Combine(overridden, FileName);
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "SortStation.sln")))
        {
            dir = dir.Parent;
        }

        var root = dir?.FullName ?? AppContext.BaseDirectory;
        return System.IO.Path.GetFullPath(System.IO.Path.Combine(root, "..", "shared", "data", "clustering", FileName));
    }
}
