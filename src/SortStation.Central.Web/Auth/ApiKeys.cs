using System.Security.Cryptography;
using System.Text;
using SortStation.Central.Accounts;

namespace SortStation.Central.Web.Auth;

/// <summary>
/// API keys look like <c>ssk_{keyId}_{secret}</c>: the id finds the row, the secret (256 random bits) is checked
/// against its stored SHA-256. A fast hash is enough for a random 256-bit secret (no dictionary to guess from),
/// and keeps every API request cheap; passwords, which people choose, get PBKDF2 instead.
/// </summary>
public static class ApiKeys
{
    public const string Header = "X-Api-Key";
    private const string Prefix = "ssk_";

    /// <summary>A new key: the text to hand out once, and the row to store.</summary>
    public static (string Key, ApiKeyAccount Account) Create(string name, ConsoleRole role, DateTimeOffset now)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return ($"{Prefix}{id}_{secret}", new ApiKeyAccount(id, name, role, Sha256(secret), now, null));
    }

    public static bool TryParse(string? key, out string keyId, out string secret)
    {
        keyId = secret = string.Empty;
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length > 200)
        {
            return false;
        }

        var parts = key[Prefix.Length..].Split('_', 2);
        if (parts.Length != 2 || parts[0].Length != 16 || parts[1].Length == 0)
        {
            return false;
        }

        (keyId, secret) = (parts[0], parts[1]);
        return true;
    }

    public static bool Matches(ApiKeyAccount account, string secret)
    {
        ArgumentNullException.ThrowIfNull(account);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sha256(secret)), Encoding.ASCII.GetBytes(account.SecretSha256));
    }

    private static string Sha256(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret))).ToLowerInvariant();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
