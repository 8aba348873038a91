using System.Text.RegularExpressions;

namespace SortStation.Central.Accounts;

/// <summary>User and API key names: 1–64 letters, digits, '.', '_', '-' or '@' (printable, safe in a log line and a URL).</summary>
public static partial class AccountName
{
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    public const string Rule = "a name is 1–64 letters, digits, '.', '_', '-' or '@'";

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,64}$")]
    private static partial Regex Pattern();
}
