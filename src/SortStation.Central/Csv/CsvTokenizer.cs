using System.Text;

namespace SortStation.Central.Csv;

/// <summary>
/// RFC 4180 tokenizer: commas separate, double quotes enclose fields (which may contain commas,
/// "" escapes and line breaks). Each record reports the 1-based line it starts on.
/// </summary>
internal static class CsvTokenizer
{
    public static IEnumerable<(int Line, List<string> Fields, string? Error)> Records(TextReader reader)
    {
        var line = 1;
        var startLine = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var afterQuote = false;
        string? error = null;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                        afterQuote = true;
                    }
                }
                else
                {
                    line += ch == '\n' ? 1 : 0;
                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    afterQuote = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    yield return (startLine, fields, error);
                    (fields, error, afterQuote) = ([], null, false);
                    field.Clear();
                    startLine = ++line;
                    break;
                case '"' when field.ToString().Trim().Length == 0 && !afterQuote:
                    field.Clear();
                    quoted = true;
                    break;
                default:
                    if (afterQuote && !char.IsWhiteSpace(ch))
                    {
                        error ??= "text after a closing quote";
                    }

                    if (ch == '"')
                    {
                        error ??= "stray quote inside an unquoted field";
                    }

                    field.Append(ch);
                    break;
            }
        }

        if (quoted)
        {
            error = "unterminated quoted field";
        }

        if (fields.Count > 0 || field.Length > 0 || error is not null)
        {
            fields.Add(field.ToString());
            yield return (startLine, fields, error);
        }
    }
}
