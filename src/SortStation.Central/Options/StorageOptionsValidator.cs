using System.Data.Common;
using Microsoft.Extensions.Options;
using SortStation.Kernel.Options;

namespace SortStation.Central.Options;

/// <summary>Rules of <see cref="StorageOptions"/>.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ConfigErrors();
        if (!Enum.IsDefined(options.Provider))
        {
            errors.Add("Storage:Provider", options.Provider, "is not a known provider.", "use Sqlite or Postgres.");
        }

        if (options.Provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(options.SqlitePath))
        {
            errors.Add("Storage:SqlitePath", options.SqlitePath, "is empty.", "use data/central.db or an absolute path such as /var/lib/sortstation-central/central.db.");
        }

        if (options.Provider == StorageProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(options.PostgresConnectionString))
            {
                errors.Add("Storage:PostgresConnectionString", null, "is empty but Storage:Provider is Postgres.", "use Host=db;Database=sortstation;Username=central.");
            }
            else if (!IsConnectionString(options.PostgresConnectionString))
            {
                // The value may hold a password: name the key only.
                errors.Add("Storage:PostgresConnectionString", "(hidden)", "is not a key=value;… connection string.", "use Host=db;Database=sortstation;Username=central.");
            }

            if (!string.IsNullOrWhiteSpace(options.PostgresPasswordFile) && !File.Exists(AppPaths.Resolve(options.PostgresPasswordFile)))
            {
                errors.Add("Storage:PostgresPasswordFile", options.PostgresPasswordFile, "does not exist.", "create it (one line, mode 0600) or fix the path.");
            }
            else
            {
                SecretFile.Check(errors, "Storage:PostgresPasswordFile", options.PostgresPasswordFile, AppPaths.Resolve(options.PostgresPasswordFile));
            }
        }

        return errors.ToResult();
    }

    private static bool IsConnectionString(string text)
    {
        try
        {
            return new DbConnectionStringBuilder { ConnectionString = text }.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
