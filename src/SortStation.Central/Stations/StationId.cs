using System.Text.RegularExpressions;

namespace SortStation.Central.Stations;

/// <summary>
/// A station id is its MQTT user name and a topic level: letters, digits, '-' and '_' only, so it can hold
/// no wildcard, no '/' and nothing a terminal would interpret. "central" is central's own topic level.
/// </summary>
public static partial class StationId
{
    public const string Reserved = "central";

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>Null when <paramref name="id"/> can be provisioned, else why not.</summary>
    public static string? Problem(string? id) =>
        !IsValid(id) ? "a station id is 1–64 letters, digits, '-' or '_' (it becomes the MQTT user name and a topic level)"
        : string.Equals(id, Reserved, StringComparison.OrdinalIgnoreCase) ? $"\"{Reserved}\" is central's own topic level and user name"
        : null;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Pattern();
}
