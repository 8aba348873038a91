namespace SortStation.Central.Options;

/// <summary>Where weighings are stored.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}
