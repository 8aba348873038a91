using System.Globalization;

namespace SortStation.Central.Options;

/// <summary>An elbow range written <c>2-10</c> (Clustering:KRange and <c>cluster --k-range</c>).</summary>
public static class KRange
{
    public static bool TryParse(string? text, out int min, out int max)
    {
        min = max = 0;
        var parts = (text ?? string.Empty).Split('-', StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out min)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out max)
            && min >= 1 && max >= min;
    }
}
