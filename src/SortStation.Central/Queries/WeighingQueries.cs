using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using SortStation.Central.Storage;
using SortStation.Contracts;

namespace SortStation.Central.Queries;

/// <summary>
/// Read side of the weighings table for the console and its API: pages, the streamed export and the latest
/// rows. The same SQL on SQLite and PostgreSQL; the indexes of migration 003 serve the filters and the sort.
/// </summary>
public sealed class WeighingQueries(ISqlDialect dialect)
{
    /// <summary>Matching rows are counted up to this many; more reads "more than".</summary>
    public const int CountLimit = 10_000;

    public const int MaxPageSize = 500;

    private const string Columns = "item_id, station_id, ts_ms, label, confidence, top_json, weight_kg, unit_price, value, currency, bin, reason, model, received_ms";

    public async Task<WeighingPage> PageAsync(WeighingFilter filter, WeighingSort sort, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sort);
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        var (where, parameters) = FilterSql.Build(filter);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var items = new List<WeighingRow>(pageSize);
        var offset = (long)(page - 1) * pageSize;
        await using (var command = SqlCommands.Create(connection, $"SELECT {Columns} FROM weighings{where} ORDER BY {sort.OrderBy()} LIMIT {pageSize} OFFSET {offset}", parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(Read(reader));
            }
        }

        await using var count = SqlCommands.Create(connection, $"SELECT COUNT(*) FROM (SELECT 1 FROM weighings{where} LIMIT {CountLimit + 1}) AS matching", parameters);
        var total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        var exact = total <= CountLimit;
        return new WeighingPage(items, page, pageSize, exact ? total : CountLimit, exact);
    }

    /// <summary>Every matching row in order, read one at a time from the database (constant memory); <see cref="WeighingRow.Top"/> is left empty.</summary>
    public async IAsyncEnumerable<WeighingRow> StreamAsync(WeighingFilter filter, WeighingSort sort, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sort);
        var (where, parameters) = FilterSql.Build(filter);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = SqlCommands.Create(connection, $"SELECT {Columns} FROM weighings{where} ORDER BY {sort.OrderBy()}", parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Read(reader, withTop: false);
        }
    }

    /// <summary>The station ids with at least one weighing (a loose index scan: one probe per station, not per row).</summary>
    public async Task<IReadOnlyList<string>> StationIdsAsync(CancellationToken cancellationToken)
    {
        const string Sql = "WITH RECURSIVE s(id) AS (SELECT MIN(station_id) FROM weighings "
            + "UNION ALL SELECT (SELECT MIN(station_id) FROM weighings WHERE station_id > s.id) FROM s WHERE s.id IS NOT NULL) "
            + "SELECT id FROM s WHERE id IS NOT NULL";
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = SqlCommands.Create(connection, Sql, []);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return [.. ids.Order(StringComparer.Ordinal)];
    }

    /// <summary>The newest weighing's time per station (one index probe each), for the stations page.</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> LastWeighingsAsync(IEnumerable<string> stationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stationIds);
        var result = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = SqlCommands.Create(connection, "SELECT MAX(ts_ms) FROM weighings WHERE station_id = @station", [("@station", string.Empty)]);
        foreach (var id in stationIds)
        {
            command.Parameters[0].Value = id;
            if (await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull)
            {
                result[id] = DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, CultureInfo.InvariantCulture));
            }
        }

        return result;
    }

    private static WeighingRow Read(DbDataReader r, bool withTop = true) => new(
        r.GetString(0),
        r.GetString(1),
        DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture)),
        r.GetString(3),
        Convert.ToDouble(r.GetValue(4), CultureInfo.InvariantCulture),
        withTop ? JsonSerializer.Deserialize<IReadOnlyList<LabelScore>>(r.GetString(5), ContractJson.Options) ?? [] : [],
        r.IsDBNull(6) ? null : Convert.ToDouble(r.GetValue(6), CultureInfo.InvariantCulture),
        Money(r, 7),
        Money(r, 8),
        r.IsDBNull(9) ? null : r.GetString(9),
        r.GetString(10),
        r.GetString(11),
        r.GetString(12),
        DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(r.GetValue(13), CultureInfo.InvariantCulture)));

    // SQLite keeps money as REAL: round to the column's 4 decimals so 0.1 + 0.2 reads as it was sent.
    internal static decimal? Money(DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : Math.Round(Convert.ToDecimal(r.GetValue(i), CultureInfo.InvariantCulture), 4);
}
