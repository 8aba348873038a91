using SortStation.Clustering;

namespace SortStation.Central.Csv;

/// <summary>
/// Reads weighing CSVs. Rules: the first non-blank line is the header; header names are trimmed and
/// matched case-insensitively; `item_type` and every requested feature column must exist (else
/// <see cref="CsvFormatException"/>), other columns are ignored; blank lines are skipped; a row with a
/// different field count than the header, or broken quoting, is reported as malformed with its line
/// number and skipped. Numbers stay text here: coercion and its errors belong to <see cref="Cleaner"/>.
/// </summary>
public static class WeighingCsvReader
{
    public const string ItemTypeColumn = "item_type";

    public static readonly IReadOnlyList<string> DefaultFeatures = ["weight_kg", "unit_price"];

    public static CsvReadResult Read(TextReader reader, IReadOnlyList<string> features)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(features);
        int[]? columns = null;
        var width = 0;
        var records = new List<RawRecord>();
        var malformed = new List<DroppedRow>();
        foreach (var (line, fields) in CsvRecords.Read(reader, (line, error) => malformed.Add(new DroppedRow(line, DropKind.Malformed, error))))
        {
            if (fields.Length <= 1 && string.IsNullOrWhiteSpace(fields.FirstOrDefault()))
            {
                continue;
            }

            if (columns is null)
            {
                columns = MapHeader(fields, features);
                width = fields.Length;
            }
            else if (fields.Length != width)
            {
                malformed.Add(new DroppedRow(line, DropKind.Malformed, $"expected {width} fields, found {fields.Length}"));
            }
            else
            {
                records.Add(new RawRecord(line, fields[columns[0]].Trim(), [.. columns.Skip(1).Select(i => fields[i])]));
            }
        }

        return columns is null
            ? throw new CsvFormatException("The file is empty: a header line is required.")
            : new CsvReadResult(new RawTable([.. features], records), malformed);
    }

    public static CsvReadResult ReadFile(string path, IReadOnlyList<string> features)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Read(reader, features);
    }

    // Returns the column index of item_type followed by each feature.
    private static int[] MapHeader(string[] header, IReadOnlyList<string> features)
    {
        var names = header.Select(h => h.Trim().TrimStart('\uFEFF').Trim()).ToList();
        var duplicate = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new CsvFormatException($"Header line: column '{duplicate.Key}' appears more than once.");
        }

        var wanted = new[] { ItemTypeColumn }.Concat(features).ToList();
        var index = wanted.Select(w => names.FindIndex(n => string.Equals(n, w, StringComparison.OrdinalIgnoreCase))).ToArray();
        var missing = wanted.Where((_, i) => index[i] < 0).ToList();
        return missing.Count > 0
            ? throw new CsvFormatException(
                $"Header line: missing column(s) {string.Join(", ", missing)}; found {string.Join(", ", names)}.")
            : index;
    }
}
