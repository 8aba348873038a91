using System.Globalization;
using System.Text;

namespace SortStation.Central.Ingest;

/// <summary>
/// What a station may put in a text field, and how any text from outside is shown on a terminal or in a
/// log: control characters (ESC, CR, LF…), format characters (bidi overrides), separators other than a
/// space, private-use, unassigned and broken surrogates are not printable. An ESC sequence or a CRLF in a
/// label could otherwise repaint a technician's terminal or fake a log line.
/// </summary>
public static class PrintableText
{
    public static bool IsPrintable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done || !IsPrintable(rune))
            {
                return false;
            }

            i += used;
        }

        return true;
    }

    /// <summary>The text with every unprintable character written as <c>\r</c>, <c>\n</c>, <c>\t</c> or <c>\u001b</c>; a backslash as <c>\\</c>.</summary>
    public static string Escape(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used);
            if (status != System.Buffers.OperationStatus.Done)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)text[i]:x4}");
                i++;
                continue;
            }

            _ = rune.Value switch
            {
                '\\' => sb.Append(@"\\"),
                '\r' => sb.Append(@"\r"),
                '\n' => sb.Append(@"\n"),
                '\t' => sb.Append(@"\t"),
                _ when IsPrintable(rune) => sb.Append(text, i, used),
                _ => sb.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}"),
            };
            i += used;
        }

        return sb.ToString();
    }

    private static bool IsPrintable(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate => false,
        UnicodeCategory.SpaceSeparator => rune.Value == ' ',
        _ => true,
    };
}
