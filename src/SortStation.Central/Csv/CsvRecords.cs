using CsvHelper;

namespace SortStation.Central.Csv;

/// <summary>
/// RFC 4180 records through CsvHelper's reader (the library the console's CSV export already uses), each
/// with the 1-based line it starts on (lines inside quoted fields and blank lines counted). Records with
/// broken quoting are skipped by the reader and reported to <paramref name="malformed"/> with their line.
/// </summary>
internal static class CsvRecords
{
    public static IEnumerable<(int Line, string[] Fields)> Read(TextReader reader, Action<int, string> malformed)
    {
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = false, // the caller maps the header itself (trimmed, case-insensitive, duplicates refused)
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = m => malformed((int)m.LineNumber, Describe(m.Reason)),
        };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        while (csv.Read())
        {
            yield return ((int)csv.LineNumber, [.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetString)]);
        }
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "stray quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote",
        CsvMalformedReason.UnterminatedQuote => "unterminated quoted field",
        _ => reason.ToString(),
    };
}
