using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace SortStation.Central.Storage;

/// <summary>A SQLite file in WAL mode; every connection is pooled and fsyncs on commit (ack-after-commit must survive a crash).</summary>
public sealed class SqliteDialect : ISqlDialect
{
    private readonly string _connectionString;

    public SqliteDialect(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = full, Pooling = true, DefaultTimeout = 30 }.ToString();
        FilePath = full;
    }

    public string FilePath { get; }

    public string Name => "sqlite";

    public string? MigrationLockSql => null;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(System.Data.IsolationLevel.Serializable, deferred: true));

    public object Money(decimal? value) => value is { } v ? (double)v : DBNull.Value;

    public void Dispose()
    {
    }
}
