namespace SortStation.Kernel.Options;

/// <summary>"Did you mean …?" for a mistyped key: the closest known key by edit distance, if it is close.</summary>
public static class KeySuggestion
{
    /// <summary>The candidate nearest to <paramref name="typed"/> (case-insensitive), or null when none is within a typo's reach.</summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        // A typo is a few edits; beyond a third of the word it is another word.
        var reach = Math.Clamp(typed.Length / 3, 1, 3);
        return candidates
            .Select(c => (Candidate: c, Distance: Distance(typed.ToUpperInvariant(), c.ToUpperInvariant())))
            .Where(c => c.Distance <= reach)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Candidate, StringComparer.Ordinal)
            .Select(c => c.Candidate)
            .FirstOrDefault();
    }

    /// <summary>Edit distance with transpositions (optimal string alignment): "Confidense" → "Confidence" is 1, "Pni" → "Pin" is 1.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
