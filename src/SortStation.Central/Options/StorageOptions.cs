namespace SortStation.Central.Options;

/// <summary>Section <c>Storage</c>: the database of weighings and counters.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>SQLite file (created with its directory); relative paths resolve against the working directory.</summary>
    public string SqlitePath { get; set; } = "data/central.db";

    /// <summary>Npgsql connection string, without the password when <see cref="PostgresPasswordFile"/> is used.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>File whose first line is the PostgreSQL password (keeps it out of the JSON).</summary>
    public string? PostgresPasswordFile { get; set; }
}
