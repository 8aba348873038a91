using System.Data.Common;
using System.Globalization;
using System.Reflection;

namespace SortStation.Central.Storage;

/// <summary>
/// Applies the embedded Storage/Migrations/{dialect}/NNN_name.sql files above the version in
/// <c>schema_version</c>, all in one transaction (PostgreSQL: under an advisory lock, so several
/// instances may start together).
/// </summary>
public static class Migrator
{
    public static async Task<int> ApplyAsync(ISqlDialect dialect, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(time);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        if (dialect.MigrationLockSql is { } lockSql)
        {
            await ExecuteAsync(connection, tx, lockSql, cancellationToken);
        }

        await ExecuteAsync(connection, tx, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_ms BIGINT NOT NULL)", cancellationToken);
        await using var current = Command(connection, tx, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
        var version = Convert.ToInt32(await current.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        var applied = 0;
        foreach (var (number, name, sql) in Scripts(dialect.Name).Where(s => s.Version > version))
        {
            await ExecuteAsync(connection, tx, sql, cancellationToken);
            await using var record = Command(connection, tx, "INSERT INTO schema_version (version, name, applied_ms) VALUES (@v, @n, @t)");
            Add(record, "@v", number);
            Add(record, "@n", name);
            Add(record, "@t", time.GetUtcNow().ToUnixTimeMilliseconds());
            await record.ExecuteNonQueryAsync(cancellationToken);
            applied++;
        }

        await tx.CommitAsync(cancellationToken);
        return applied;
    }

    /// <summary>The embedded scripts of a dialect, ordered by their number prefix.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts(string dialect)
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = $"migrations/{dialect}/";
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (Version: int.Parse(n[prefix.Length..].Split('_')[0], CultureInfo.InvariantCulture), Name: n[prefix.Length..], Sql: Read(assembly, n)))
            .OrderBy(s => s.Version)];
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction tx, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, tx, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

#pragma warning disable CA2100 // Only embedded migration files and constants, never input.
    private static DbCommand Command(DbConnection connection, DbTransaction tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.CommandTimeout = 3600; // a backfill over millions of weighings (migration 005) outlasts the default 30 s
        return command;
    }
#pragma warning restore CA2100

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
