using System.Data.Common;
using System.Globalization;
using SortStation.Central.Storage;

namespace SortStation.Central.Settings;

/// <summary><see cref="ISettingsStore"/> on the central database (same SQL on SQLite and PostgreSQL; migration 004).</summary>
public sealed class SqlSettingsStore(ISqlDialect dialect) : ISettingsStore
{
    // LAG over the setting's own rows: the value each change replaced, without a second query.
    private const string Select = "SELECT seq, section, name, value, LAG(value) OVER (PARTITION BY section, name ORDER BY seq) AS previous, changed_ms, changed_by FROM settings";

    public Task<IReadOnlyList<SettingChange>> CurrentAsync(CancellationToken cancellationToken) =>
        ReadAsync(
            $"SELECT * FROM ({Select}) h WHERE seq IN (SELECT MAX(seq) FROM settings GROUP BY section, name) ORDER BY section, name",
            [],
            cancellationToken);

    public Task<IReadOnlyList<SettingChange>> HistoryAsync(int limit, CancellationToken cancellationToken) =>
        ReadAsync($"{Select} ORDER BY seq DESC LIMIT @limit", [("@limit", Math.Max(limit, 0))], cancellationToken);

    public async Task<bool> AppendAsync(string section, string name, string value, DateTimeOffset at, string by, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using (var current = SqlCommands.Create(connection, tx, "SELECT value FROM settings WHERE section = @section AND name = @name ORDER BY seq DESC LIMIT 1", ["@section", "@name"]))
        {
            current.Parameters[0].Value = section;
            current.Parameters[1].Value = name;
            if (await current.ExecuteScalarAsync(cancellationToken) is string existing && string.Equals(existing, value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        await using (var insert = SqlCommands.Create(connection, tx, "INSERT INTO settings (section, name, value, changed_ms, changed_by) VALUES (@section, @name, @value, @at, @by)", ["@section", "@name", "@value", "@at", "@by"]))
        {
            insert.Parameters[0].Value = section;
            insert.Parameters[1].Value = name;
            insert.Parameters[2].Value = value;
            insert.Parameters[3].Value = at.ToUnixTimeMilliseconds();
            insert.Parameters[4].Value = by;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<IReadOnlyList<SettingChange>> ReadAsync(string sql, (string, object)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = SqlCommands.Create(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<SettingChange>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    private static SettingChange Read(DbDataReader r) => new(
        Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture),
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4),
        DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(r.GetValue(5), CultureInfo.InvariantCulture)),
        r.GetString(6));
}
