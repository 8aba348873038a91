using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SortStation.Central.Accounts;
using SortStation.Central.Options;
using SortStation.Central.Stations;
using SortStation.Central.Storage;
using SortStation.Kernel.Options;

namespace SortStation.Central.Commands;

/// <summary>
/// The database as the CLI commands (stats, stations) open it: Storage section validated, migrations applied.
/// On dispose every connection is closed, so SQLite removes its -wal and -shm files; run as root (sudo), the
/// SQLite files it created are then given to the owner of their directory (the service user under systemd),
/// or the service could no longer write its own database.
/// </summary>
internal sealed class CliDatabase : IDisposable
{
    private readonly ISqlDialect _dialect;
    private readonly SqliteOwnership? _ownership;

    private CliDatabase(ISqlDialect dialect, TimeProvider time, SqliteOwnership? ownership)
    {
        _dialect = dialect;
        _ownership = ownership;
        Weighings = new SqlWeighingStore(dialect, time);
        Stations = new SqlStationStore(dialect);
        Accounts = new SqlAccountStore(dialect);
    }

    public SqlWeighingStore Weighings { get; }

    public SqlStationStore Stations { get; }

    public SqlAccountStore Accounts { get; }

    public static async Task<CliDatabase> OpenAsync(IConfiguration configuration, TimeProvider time, CancellationToken cancellationToken)
    {
        var storage = new StorageOptions();
        configuration.GetSection(StorageOptions.Section).Bind(storage);
        string[] failures =
        [
            .. new StorageOptionsValidator().Validate(null, storage).Failures ?? [],
            .. new ConfigSchema([new ConfigSection(StorageOptions.Section, typeof(StorageOptions))]).UnknownKeys(configuration, StorageOptions.Section),
        ];
        if (failures.Length > 0)
        {
            throw new OptionsValidationException(StorageOptions.Section, typeof(StorageOptions), failures);
        }

        var ownership = storage.Provider == StorageProvider.Sqlite && Environment.IsPrivilegedProcess ? new SqliteOwnership(storage.SqlitePath) : null;
        var database = new CliDatabase(StorageFactory.CreateDialect(storage), time, ownership);
        try
        {
            await database.Weighings.MigrateAsync(cancellationToken);
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _dialect.Dispose();
        SqliteConnection.ClearAllPools();
        _ownership?.Restore();
    }
}
