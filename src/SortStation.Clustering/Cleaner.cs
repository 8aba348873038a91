using System.Globalization;
using System.Text;

namespace SortStation.Clustering;

/// <summary>Coerces raw rows to numbers and optionally drops exact duplicates.</summary>
public static class Cleaner
{
    /// <summary>
    /// A duplicate is a row whose item type (trimmed, ordinal) and coerced values all equal an earlier
    /// row's; the first occurrence is kept, as pandas' drop_duplicates does.
    /// </summary>
    public static CleaningResult Clean(RawTable table, bool dropDuplicates)
    {
        ArgumentNullException.ThrowIfNull(table);
        var d = table.FeatureNames.Count;
        var values = new List<double>(table.Records.Count * d);
        var types = new List<string>(table.Records.Count);
        var lines = new List<int>(table.Records.Count);
        var dropped = new List<DroppedRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var row = new double[d];
        foreach (var record in table.Records)
        {
            if (!TryCoerce(record, table.FeatureNames, row, out var reason))
            {
                dropped.Add(new DroppedRow(record.Line, DropKind.Invalid, reason));
                continue;
            }

            var itemType = record.ItemType.Trim();
            if (dropDuplicates)
            {
                var key = Key(itemType, row);
                if (seen.TryGetValue(key, out var firstLine))
                {
                    dropped.Add(new DroppedRow(record.Line, DropKind.Duplicate, $"duplicate of line {firstLine}"));
                    continue;
                }

                seen[key] = record.Line;
            }

            values.AddRange(row);
            types.Add(itemType);
            lines.Add(record.Line);
        }

        var matrix = new FeatureMatrix(table.FeatureNames, [.. values]);
        var report = new CleaningReport(table.Records.Count, types.Count, dropped);
        return new CleaningResult(new Dataset(matrix, types, lines), report);
    }

    private static bool TryCoerce(RawRecord record, IReadOnlyList<string> names, double[] row, out string reason)
    {
        if (record.Values.Count != names.Count)
        {
            reason = $"expected {names.Count} values, got {record.Values.Count}";
            return false;
        }

        for (var j = 0; j < names.Count; j++)
        {
            if (!NumberCoercion.TryParse(record.Values[j], out row[j], out var error))
            {
                reason = $"{names[j]}: {error}";
                return false;
            }
        }

        reason = string.Empty;
        return true;
    }

    private static string Key(string itemType, double[] row)
    {
        var sb = new StringBuilder(itemType);
        foreach (var v in row)
        {
            sb.Append('\u001f').Append(v.ToString("R", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
