using System.Security.Cryptography;
using System.Text;

namespace SortStation.Central.Stations;

/// <summary>
/// Passwords and their mosquitto 2 hashes (<c>$7$iterations$salt$hash</c>, PBKDF2-HMAC-SHA512, as
/// <c>mosquitto_passwd</c> writes them), computed here so that no password is ever on a command line.
/// </summary>
public static class MosquittoPassword
{
    // mosquitto_passwd's own figures. The passwords are 256 random bits, so the iteration count adds
    // nothing against guessing and a higher one would only slow every CONNECT on the broker.
    private const int Iterations = 101;
    private const int SaltBytes = 12;
    private const int HashBytes = 64;

    /// <summary>256 random bits, base64url: safe in JSON, a shell and a password file.</summary>
    public static string Generate() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA512, HashBytes);
        return $"$7${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>True when <paramref name="password"/> matches a <c>$7$</c> hash.</summary>
    public static bool Verify(string password, string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        var parts = encoded.Split('$');
        if (parts.Length != 5 || parts[1] != "7" || !int.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        var expected = Convert.FromBase64String(parts[4]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Convert.FromBase64String(parts[3]), iterations, HashAlgorithmName.SHA512, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
