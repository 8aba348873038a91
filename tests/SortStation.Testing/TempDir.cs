namespace SortStation.Testing;

/// <summary>A temp directory removed on dispose (pooled SQLite handles are released first so its files can go).</summary>
public sealed class TempDir(string prefix = "sortstation-") : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
