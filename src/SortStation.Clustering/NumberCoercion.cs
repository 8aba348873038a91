using System.Globalization;

namespace SortStation.Clustering;

/// <summary>
/// Lenient number parsing for hand-typed weighing sheets. Rules, in order:
/// trim; strip a trailing "kg" (any case); drop spaces and underscores; a leading "Rp" marks Indonesian
/// currency format ('.' groups thousands, ',' is decimal: "Rp 45.000" = 45000); otherwise
/// if both '.' and ',' occur, the last one is the decimal separator and the other groups thousands;
/// a lone ',' groups thousands when it matches 1-3 digits then groups of 3 ("45,000"), else it is
/// the decimal separator ("12,5"). Empty, non-finite and negative values are rejected.
/// </summary>
public static class NumberCoercion
{
    public static bool TryParse(string? text, out double value, out string error)
    {
        value = 0;
        var s = (text ?? string.Empty).Trim();
        var rupiah = s.StartsWith("rp", StringComparison.OrdinalIgnoreCase);
        if (rupiah)
        {
            s = s[2..].TrimStart('.', ' ');
        }

        if (s.EndsWith("kg", StringComparison.OrdinalIgnoreCase))
        {
            s = s[..^2];
        }

        s = s.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        if (s.Length == 0)
        {
            error = "empty value";
            return false;
        }

        s = rupiah
            ? s.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.')
            : NormaliseSeparators(s);
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            error = $"'{text}' is not a number";
            return false;
        }

        if (!double.IsFinite(value))
        {
            error = $"'{text}' is not finite";
            return false;
        }

        if (value < 0)
        {
            error = $"'{text}' is negative";
            return false;
        }

        error = string.Empty;
        return true;
    }

    private static string NormaliseSeparators(string s)
    {
        var lastDot = s.LastIndexOf('.');
        var lastComma = s.LastIndexOf(',');
        if (lastComma < 0)
        {
            return s;
        }

        if (lastDot >= 0)
        {
            return lastComma > lastDot
                ? s.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.')
                : s.Replace(",", string.Empty, StringComparison.Ordinal);
        }

        return IsThousandsGrouped(s) ? s.Replace(",", string.Empty, StringComparison.Ordinal) : s.Replace(',', '.');
    }

    private static bool IsThousandsGrouped(string s)
    {
        var groups = s.TrimStart('-', '+').Split(',');
        if (groups[0].Length is < 1 or > 3 || !groups[0].All(char.IsAsciiDigit))
        {
            return false;
        }

        for (var i = 1; i < groups.Length; i++)
        {
            if (groups[i].Length != 3 || !groups[i].All(char.IsAsciiDigit))
            {
                return false;
            }
        }

        return groups.Length > 1;
    }
}
