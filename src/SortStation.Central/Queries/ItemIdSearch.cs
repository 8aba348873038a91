namespace SortStation.Central.Queries;

/// <summary>
/// An item id typed by a person: ULIDs are Crockford base32, so case is ignored and I, L read as 1 and O as 0
/// (as Crockford specifies). The prefix becomes a key range, which the primary key's index serves.
/// </summary>
public static class ItemIdSearch
{
    public const int Length = 26;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>The normalised prefix, or null when the text cannot be the start of an item id.</summary>
    public static string? Normalise(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > Length)
        {
            return null;
        }

        var chars = trimmed.ToUpperInvariant().Replace('I', '1').Replace('L', '1').Replace('O', '0').ToCharArray();
        return chars.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? new string(chars) : null;
    }

    /// <summary>[low, high) of the ids that start with <paramref name="prefix"/>; high is null when none is above (all Z).</summary>
    public static (string Low, string? High) Range(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var chars = prefix.ToCharArray();
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            var next = Alphabet.IndexOf(chars[i], StringComparison.Ordinal) + 1;
            if (next < Alphabet.Length)
            {
                chars[i] = Alphabet[next];
                return (prefix, new string(chars, 0, i + 1));
            }
        }

        return (prefix, null);
    }
}
