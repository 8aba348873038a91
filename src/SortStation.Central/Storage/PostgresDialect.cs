using System.Data.Common;
using Npgsql;

namespace SortStation.Central.Storage;

/// <summary>PostgreSQL through one pooled Npgsql data source; the password may come from a file.</summary>
public sealed class PostgresDialect : ISqlDialect
{
    // Arbitrary constant: every central instance takes the same advisory lock while migrating.
    private const long MigrationLockKey = 0x5057_4345_4e54;
    private readonly NpgsqlDataSource _source;

    public PostgresDialect(string connectionString, string? passwordFile)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!string.IsNullOrWhiteSpace(passwordFile))
        {
            using var reader = new StreamReader(passwordFile);
            builder.Password = reader.ReadLine()?.TrimEnd('\r');
        }

        _source = NpgsqlDataSource.Create(builder);
    }

    public string Name => "postgres";

    public string? MigrationLockSql => $"SELECT pg_advisory_xact_lock({MigrationLockKey})";

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _source.OpenConnectionAsync(cancellationToken);

    public async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);

    public object Money(decimal? value) => value is { } v ? v : DBNull.Value;

    public void Dispose() => _source.Dispose();
}
