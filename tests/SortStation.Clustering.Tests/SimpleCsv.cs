using SortStation.Clustering;

namespace SortStation.Clustering.Tests;

/// <summary>Minimal quote-aware CSV loader for test data (the real reader lives in SortStation.Central).</summary>
internal static class SimpleCsv
{
    public static RawTable Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = Split(lines[0]);
        var records = new List<RawRecord>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var fields = Split(lines[i]);
            records.Add(new RawRecord(i + 1, fields[0], fields.Skip(1).ToList()));
        }

        return new RawTable(header.Skip(1).ToList(), records);
    }

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(ch);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
