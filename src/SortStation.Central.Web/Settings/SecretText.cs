using System.Data.Common;

namespace SortStation.Central.Web.Settings;

/// <summary>Hides what must never be shown: passwords inside a connection string or a URL.</summary>
public static class SecretText
{
    public const string Mask = "*****";

    /// <summary>The connection string with every password-like key's value replaced by <see cref="Mask"/>.</summary>
    public static string? ConnectionString(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = text };
            foreach (var key in builder.Keys.Cast<string>().ToList())
            {
                if (key.Contains("password", StringComparison.OrdinalIgnoreCase) || key.Equals("pwd", StringComparison.OrdinalIgnoreCase))
                {
                    builder[key] = Mask;
                }
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return Mask; // unparsable: show nothing of it rather than a password by accident
        }
    }

    /// <summary>A URL without its user information (<c>mqtt://user:password@host</c> → <c>mqtt://host</c>).</summary>
    public static string? Url(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri.ToString()
            : text;
}
