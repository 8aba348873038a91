namespace SortStation.Central.Queries;

/// <summary>
/// The order of a weighings list: a field of the JSON record (<c>timestamp</c>, <c>stationId</c>, <c>label</c>,
/// <c>confidence</c>, <c>weightKg</c>, <c>value</c>, <c>bin</c>, <c>reason</c>), descending with a leading
/// <c>-</c>. The item id breaks ties, so pages never overlap.
/// </summary>
public sealed record WeighingSort(string Field, bool Descending)
{
    private static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["timestamp"] = "ts_ms",
        ["stationId"] = "station_id",
        ["label"] = "label",
        ["confidence"] = "confidence",
        ["weightKg"] = "weight_kg",
        ["value"] = "value",
        ["bin"] = "bin",
        ["reason"] = "reason",
    };

    public static WeighingSort Default { get; } = new("timestamp", Descending: true);

    public static IReadOnlyCollection<string> Fields => Columns.Keys;

    public override string ToString() => (Descending ? "-" : string.Empty) + Field;

    public static bool TryParse(string? text, out WeighingSort sort)
    {
        sort = Default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var descending = text.StartsWith('-');
        var name = descending ? text[1..] : text;
        if (!Columns.TryGetValue(name, out _))
        {
            return false;
        }

        sort = new WeighingSort(Columns.Keys.First(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)), descending);
        return true;
    }

    /// <summary>ORDER BY text; the column comes from the fixed list above, never from input.</summary>
    internal string OrderBy()
    {
        var direction = Descending ? "DESC" : "ASC";
        // NULL weights and values sort last both ways, the same on SQLite and PostgreSQL.
        var nulls = Field is "weightKg" or "value" ? $"CASE WHEN {Columns[Field]} IS NULL THEN 1 ELSE 0 END, " : string.Empty;
        return $"{nulls}{Columns[Field]} {direction}, item_id {direction}";
    }
}
