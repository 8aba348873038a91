using System.Data.Common;

namespace SortStation.Central.Storage;

/// <summary>What differs between the SQLite and PostgreSQL paths; the SQL itself is shared.</summary>
public interface ISqlDialect : IDisposable
{
    /// <summary>Folder under Storage/Migrations.</summary>
    string Name { get; }

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Statement that serialises concurrent migrators (several instances starting at once), or null.</summary>
    string? MigrationLockSql { get; }

    /// <summary>
    /// A read-only transaction whose statements all see one committed state (a query of several statements then
    /// adds up consistently while ingest commits): SQLite's deferred BEGIN, which in WAL mode never blocks the
    /// writer; PostgreSQL's REPEATABLE READ.
    /// </summary>
    Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Parameter value of a money column (SQLite stores REAL, PostgreSQL NUMERIC).</summary>
    object Money(decimal? value);
}
