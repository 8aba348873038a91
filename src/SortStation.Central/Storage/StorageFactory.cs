using SortStation.Central.Options;
using SortStation.Kernel.Options;

namespace SortStation.Central.Storage;

/// <summary>Creates the dialect Storage:Provider names.</summary>
public static class StorageFactory
{
    public static ISqlDialect CreateDialect(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider == StorageProvider.Postgres
            ? new PostgresDialect(options.PostgresConnectionString!, AppPaths.Resolve(options.PostgresPasswordFile))
            // A database file to create: relative to the working directory (the state directory under systemd).
            : new SqliteDialect(options.SqlitePath);
    }
}
