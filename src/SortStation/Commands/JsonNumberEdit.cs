using System.Text;
using System.Text.Json;

namespace SortStation.Commands;

/// <summary>
/// Sets number values of one section of a JSON configuration text by editing the text in place, so a
/// technician's comments, key order and layout survive (a parse-and-reserialise would drop the comments).
/// Keys match case-insensitively, as .NET configuration reads them; a missing key or section is added at
/// the top of its object.
/// </summary>
internal static class JsonNumberEdit
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Allow, AllowTrailingCommas = true };

    public static string Set(string json, string section, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(values);
        var bytes = Encoding.UTF8.GetBytes(json);
        var scan = Scan(bytes, section);
        var edits = new List<(int At, int Length, string Text)>();
        var missing = new List<KeyValuePair<string, string>>();
        foreach (var value in values)
        {
            var found = scan.Values.Where(v => string.Equals(v.Key, value.Key, StringComparison.OrdinalIgnoreCase)).ToList();
            edits.AddRange(found.Select(v => (v.At, v.Length, value.Value)));
            if (found.Count == 0)
            {
                missing.Add(value);
            }
        }

        if (scan.SectionOpen is { } open)
        {
            if (missing.Count > 0)
            {
                edits.Add((open + 1, 0, Block(bytes, open, scan.SectionFirstMember, Members(missing, MemberIndent(bytes, open, scan.SectionFirstMember)))));
            }
        }
        else
        {
            var indent = MemberIndent(bytes, scan.RootOpen, scan.RootFirstMember);
            var body = $"\n{indent}\"{section}\": {{{Members(values, indent + "  ")}\n{indent}}}";
            edits.Add((scan.RootOpen + 1, 0, Block(bytes, scan.RootOpen, scan.RootFirstMember, body)));
        }

        var result = new StringBuilder();
        var position = 0;
        foreach (var (at, length, text) in edits.OrderBy(e => e.At))
        {
            result.Append(Encoding.UTF8.GetString(bytes, position, at - position)).Append(text);
            position = at + length;
        }

        return result.Append(Encoding.UTF8.GetString(bytes, position, bytes.Length - position)).ToString();
    }

    /// <summary>Finds the root and section braces, their first members and every scalar value of the section.</summary>
    private static JsonNumberScan Scan(byte[] bytes, string section)
    {
        var reader = new Utf8JsonReader(bytes, Options);
        var scan = new JsonNumberScan();
        var inSection = false;
        string? property = null;
        while (reader.Read())
        {
            var depth = reader.CurrentDepth;
            switch (reader.TokenType)
            {
                case JsonTokenType.Comment:
                    continue;
                case JsonTokenType.StartObject when depth == 0:
                    scan.RootOpen = (int)reader.TokenStartIndex;
                    break;
                case JsonTokenType.PropertyName when depth == 1:
                    scan.RootFirstMember ??= (int)reader.TokenStartIndex;
                    property = reader.GetString();
                    break;
                case JsonTokenType.StartObject when depth == 1:
                    inSection = string.Equals(property, section, StringComparison.OrdinalIgnoreCase);
                    if (inSection)
                    {
                        scan.SectionOpen = (int)reader.TokenStartIndex;
                        scan.SectionFirstMember = null;
                        scan.Values.Clear(); // a repeated section: the last one wins, as in .NET configuration
                    }

                    break;
                case JsonTokenType.EndObject when depth == 1:
                    inSection = false;
                    break;
                case JsonTokenType.PropertyName when depth == 2 && inSection:
                    scan.SectionFirstMember ??= (int)reader.TokenStartIndex;
                    property = reader.GetString();
                    break;
                case JsonTokenType.Number or JsonTokenType.String or JsonTokenType.Null or JsonTokenType.True or JsonTokenType.False
                    when depth == 2 && inSection:
                    var start = (int)reader.TokenStartIndex;
                    scan.Values.Add((property!, start, (int)reader.BytesConsumed - start));
                    break;
            }
        }

        if (scan.RootOpen < 0)
        {
            throw new InvalidDataException("the top level is not a JSON object.");
        }

        return scan;
    }

    private static string Members(IEnumerable<KeyValuePair<string, string>> values, string indent) =>
        string.Join(",", values.Select(v => $"\n{indent}\"{v.Key}\": {v.Value}"));

    /// <summary>The indent of new members of the object opened at <paramref name="open"/>: its first member's, or one level in.</summary>
    private static string MemberIndent(byte[] bytes, int open, int? firstMember) =>
        Indent(bytes, firstMember ?? open, firstMember is null ? 2 : 0);

    /// <summary>Text inserted after an object's brace: followed by a comma when members follow, else by the closing line.</summary>
    private static string Block(byte[] bytes, int open, int? firstMember, string members) =>
        members + (firstMember is null ? "\n" + Indent(bytes, open, 0) : ",");

    /// <summary>The whitespace before the token at <paramref name="at"/> on its line, plus <paramref name="extra"/> spaces.</summary>
    private static string Indent(byte[] bytes, int at, int extra)
    {
        var lineStart = Array.LastIndexOf(bytes, (byte)'\n', Math.Max(0, at - 1)) + 1;
        var end = lineStart;
        while (end < at && bytes[end] is (byte)' ' or (byte)'\t')
        {
            end++;
        }

        return Encoding.UTF8.GetString(bytes, lineStart, end - lineStart) + new string(' ', extra);
    }
}
