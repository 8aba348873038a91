using CsvHelper;
using SortStation.Clustering;

namespace SortStation.Clustering.Tests;

/// <summary>Loads test data with CsvHelper: first column the item type, the rest features (central's reader adds the checks).</summary>
internal static class SimpleCsv
{
    public static RawTable Read(string path)
    {
        var options = new CsvReaderOptions { Separator = ',', HasHeader = false, TrackLineNumbers = true };
        using var csv = CsvReader.FromFile(path, options);
        string[]? header = null;
        var records = new List<RawRecord>();
        while (csv.Read())
        {
            var fields = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray();
            if (header is null)
            {
                header = fields;
            }
            else
            {
                records.Add(new RawRecord((int)csv.LineNumber, fields[0], [.. fields.Skip(1)]));
            }
        }

        return new RawTable([.. header!.Skip(1)], records);
    }
}
