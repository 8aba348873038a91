using System.Data.Common;
using System.Globalization;
using SortStation.Central.Storage;

namespace SortStation.Central.Accounts;

/// <summary><see cref="IAccountStore"/> on the central database (same SQL on SQLite and PostgreSQL).</summary>
public sealed class SqlAccountStore(ISqlDialect dialect) : IAccountStore
{
    private const string UserColumns = "name, role, password_hash, security_stamp, created_ms, failed_logins, locked_until_ms, last_login_ms";
    private const string KeyColumns = "key_id, name, role, secret_sha256, created_ms, last_used_ms";

    public async Task<long> CountUsersAsync(CancellationToken cancellationToken) =>
        Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM users", [], cancellationToken), CultureInfo.InvariantCulture);

    public Task<IReadOnlyList<UserAccount>> ListUsersAsync(CancellationToken cancellationToken) =>
        ReadAsync($"SELECT {UserColumns} FROM users ORDER BY name", [], ReadUser, cancellationToken);

    public async Task<UserAccount?> FindUserAsync(string name, CancellationToken cancellationToken) =>
        First(await ReadAsync($"SELECT {UserColumns} FROM users WHERE name = @name", [("@name", name)], ReadUser, cancellationToken));

    public async Task<bool> AddUserAsync(UserAccount user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        const string Sql = "INSERT INTO users (name, role, password_hash, security_stamp, created_ms, failed_logins) VALUES (@name, @role, @hash, @stamp, @created, 0) ON CONFLICT (name) DO NOTHING";
        return await ExecuteAsync(Sql, [("@name", user.Name), ("@role", user.Role.Name()), ("@hash", user.PasswordHash), ("@stamp", user.SecurityStamp), ("@created", user.CreatedAt.ToUnixTimeMilliseconds())], cancellationToken) == 1;
    }

    public async Task<bool> RemoveUserAsync(string name, CancellationToken cancellationToken) =>
        await ExecuteAsync("DELETE FROM users WHERE name = @name", [("@name", name)], cancellationToken) == 1;

    public async Task<bool> SetPasswordAsync(string name, string passwordHash, string securityStamp, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE users SET password_hash = @hash, security_stamp = @stamp, failed_logins = 0, locked_until_ms = NULL WHERE name = @name",
            [("@name", name), ("@hash", passwordHash), ("@stamp", securityStamp)],
            cancellationToken) == 1;

    public Task RecordFailureAsync(string name, DateTimeOffset? lockUntil, CancellationToken cancellationToken) =>
        lockUntil is { } until
            ? ExecuteAsync("UPDATE users SET failed_logins = 0, locked_until_ms = @until WHERE name = @name", [("@name", name), ("@until", until.ToUnixTimeMilliseconds())], cancellationToken)
            : ExecuteAsync("UPDATE users SET failed_logins = failed_logins + 1 WHERE name = @name", [("@name", name)], cancellationToken);

    public Task RecordSuccessAsync(string name, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE users SET failed_logins = 0, locked_until_ms = NULL, last_login_ms = @at WHERE name = @name", [("@name", name), ("@at", at.ToUnixTimeMilliseconds())], cancellationToken);

    public Task<IReadOnlyList<ApiKeyAccount>> ListApiKeysAsync(CancellationToken cancellationToken) =>
        ReadAsync($"SELECT {KeyColumns} FROM api_keys ORDER BY name", [], ReadKey, cancellationToken);

    public async Task<ApiKeyAccount?> FindApiKeyAsync(string keyId, CancellationToken cancellationToken) =>
        First(await ReadAsync($"SELECT {KeyColumns} FROM api_keys WHERE key_id = @id", [("@id", keyId)], ReadKey, cancellationToken));

    public async Task<bool> AddApiKeyAsync(ApiKeyAccount key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        const string Sql = "INSERT INTO api_keys (key_id, name, role, secret_sha256, created_ms) VALUES (@id, @name, @role, @sha, @created) ON CONFLICT (name) DO NOTHING";
        return await ExecuteAsync(Sql, [("@id", key.KeyId), ("@name", key.Name), ("@role", key.Role.Name()), ("@sha", key.SecretSha256), ("@created", key.CreatedAt.ToUnixTimeMilliseconds())], cancellationToken) == 1;
    }

    public async Task<bool> RemoveApiKeyAsync(string name, CancellationToken cancellationToken) =>
        await ExecuteAsync("DELETE FROM api_keys WHERE name = @name", [("@name", name)], cancellationToken) == 1;

    public Task TouchApiKeyAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE api_keys SET last_used_ms = @at WHERE key_id = @id", [("@id", keyId), ("@at", at.ToUnixTimeMilliseconds())], cancellationToken);

    private static T? First<T>(IReadOnlyList<T> rows)
        where T : class => rows.Count > 0 ? rows[0] : null;

    private static UserAccount ReadUser(DbDataReader r) => new(
        r.GetString(0),
        Role(r.GetString(1)),
        r.GetString(2),
        r.GetString(3),
        Time(r.GetValue(4))!.Value,
        Convert.ToInt32(r.GetValue(5), CultureInfo.InvariantCulture),
        Time(r.GetValue(6)),
        Time(r.GetValue(7)));

    private static ApiKeyAccount ReadKey(DbDataReader r) => new(r.GetString(0), r.GetString(1), Role(r.GetString(2)), r.GetString(3), Time(r.GetValue(4))!.Value, Time(r.GetValue(5)));

    // A role the code does not know (edited by hand) grants the least.
    private static ConsoleRole Role(string text) => ConsoleRoles.TryParse(text, out var role) ? role : ConsoleRole.Viewer;

    private static DateTimeOffset? Time(object value) =>
        value is DBNull ? null : DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, CultureInfo.InvariantCulture));

    private async Task<IReadOnlyList<T>> ReadAsync<T>(string sql, (string, object)[] parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = SqlCommands.Create(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private async Task<int> ExecuteAsync(string sql, (string, object)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = SqlCommands.Create(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<object?> ScalarAsync(string sql, (string, object)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = SqlCommands.Create(connection, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
