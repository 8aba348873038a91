using System.Data.Common;
using System.Globalization;
using SortStation.Central.Storage;

namespace SortStation.Central.Stations;

/// <summary>The <c>stations</c> table in the weighings database (same SQL on SQLite and PostgreSQL).</summary>
public sealed class SqlStationStore(ISqlDialect dialect) : IStationStore
{
    private const string Columns = "station_id, registered_ms, accept_from_ms, revoked_ms";

    public async Task<IReadOnlyList<RegisteredStation>> ReadAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = SqlCommands.Create(connection, null, $"SELECT {Columns} FROM stations ORDER BY station_id", []);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<RegisteredStation>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    public async Task<RegisteredStation> AddAsync(string stationId, DateTimeOffset now, DateTimeOffset? acceptFrom, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var existing = await FindAsync(connection, tx, stationId, cancellationToken);
        var (sql, from) = existing switch
        {
            null => ("INSERT INTO stations (station_id, registered_ms, accept_from_ms, revoked_ms) VALUES (@id, @now, @from, NULL)", acceptFrom ?? now),
            { IsRevoked: true } => ("UPDATE stations SET registered_ms = @now, accept_from_ms = @from, revoked_ms = NULL WHERE station_id = @id", acceptFrom ?? now),
            _ => ("UPDATE stations SET accept_from_ms = @from WHERE station_id = @id", acceptFrom ?? existing.AcceptFrom),
        };
        await using (var command = SqlCommands.Create(connection, tx, sql, ["@id", "@now", "@from"]))
        {
            command.Parameters[0].Value = stationId;
            command.Parameters[1].Value = now.ToUnixTimeMilliseconds();
            command.Parameters[2].Value = from.ToUnixTimeMilliseconds();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var stored = await FindAsync(connection, tx, stationId, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return stored!;
    }

    public async Task<bool> RevokeAsync(string stationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = SqlCommands.Create(connection, null, "UPDATE stations SET revoked_ms = @now WHERE station_id = @id AND revoked_ms IS NULL", ["@id", "@now"]);
        command.Parameters[0].Value = stationId;
        command.Parameters[1].Value = now.ToUnixTimeMilliseconds();
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static async Task<RegisteredStation?> FindAsync(DbConnection connection, DbTransaction tx, string stationId, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(connection, tx, $"SELECT {Columns} FROM stations WHERE station_id = @id", ["@id"]);
        command.Parameters[0].Value = stationId;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static RegisteredStation Read(DbDataReader reader) => new(
        reader.GetString(0),
        Time(reader.GetValue(1))!.Value,
        Time(reader.GetValue(2))!.Value,
        reader.IsDBNull(3) ? null : Time(reader.GetValue(3)));

    private static DateTimeOffset? Time(object value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, CultureInfo.InvariantCulture));
}
