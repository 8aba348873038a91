using SortStation.Central.Storage;

namespace SortStation.Central.Queries;

/// <summary>
/// The stations, labels, bins and reasons present, for the weighings page's filter lists. Read from the largest
/// rollup buckets (1024 hours: a few hundred rows, every weighing in one) and kept for <see cref="MaxAge"/>: a
/// new label shows up within it.
/// </summary>
public sealed class DimensionQueries(ISqlDialect dialect, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private Entry? _cached;

    public async Task<Dimensions> ReadAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _cached) is { } cached && time.GetElapsedTime(cached.At) < MaxAge)
        {
            return cached.Value;
        }

        var keys = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        await using (var connection = await dialect.OpenAsync(cancellationToken))
        await using (var command = SqlCommands.Create(connection, "SELECT DISTINCT dim, dim_key FROM weighing_spans WHERE span_h = 1024" /* the largest buckets hold every weighing */, []))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var dim = reader.GetString(0);
                if (!keys.TryGetValue(dim, out var set))
                {
                    keys[dim] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(reader.GetString(1));
            }
        }

        IReadOnlyList<string> Of(string dim) => keys.TryGetValue(dim, out var set) ? [.. set] : [];
        var value = new Dimensions(Of("station"), Of("label"), Of("bin"), Of("reason"));
        Volatile.Write(ref _cached, new Entry(value, time.GetTimestamp()));
        return value;
    }

    private sealed record Entry(Dimensions Value, long At);
}

/// <summary>The distinct values of each filterable field.</summary>
public sealed record Dimensions(IReadOnlyList<string> Stations, IReadOnlyList<string> Labels, IReadOnlyList<string> Bins, IReadOnlyList<string> Reasons)
{
    public static Dimensions Empty { get; } = new([], [], [], []);
}
