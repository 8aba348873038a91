using System.Security.Cryptography;

namespace SortStation.Core.Identity;

/// <summary>
/// ULID item ids: 48-bit Unix milliseconds then 80 random bits, Crockford base32, 26 characters.
/// Ids sort by time; within one millisecond the random part is incremented so they stay monotonic.
/// </summary>
public sealed class ItemIdGenerator(TimeProvider time)
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private readonly Lock _gate = new();
    private readonly byte[] _random = new byte[10];
    private long _lastMs = -1;

    public string Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        lock (_gate)
        {
            var ms = time.GetUtcNow().ToUnixTimeMilliseconds();
            if (ms <= _lastMs)
            {
                ms = _lastMs;
                Increment(_random);
            }
            else
            {
                RandomNumberGenerator.Fill(_random);
                _lastMs = ms;
            }

            for (var i = 0; i < 6; i++)
            {
                bytes[i] = (byte)(ms >> (8 * (5 - i)));
            }

            _random.CopyTo(bytes[6..]);
        }

        return Encode(bytes);
    }

    private static void Increment(byte[] value)
    {
        for (var i = value.Length - 1; i >= 0 && ++value[i] == 0; i--)
        {
        }
    }

    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        // 128 bits as 26 base32 digits; the first digit carries the top 3 bits.
        var hi = ((ulong)bytes[0] << 56) | ((ulong)bytes[1] << 48) | ((ulong)bytes[2] << 40) | ((ulong)bytes[3] << 32)
               | ((ulong)bytes[4] << 24) | ((ulong)bytes[5] << 16) | ((ulong)bytes[6] << 8) | bytes[7];
        var lo = ((ulong)bytes[8] << 56) | ((ulong)bytes[9] << 48) | ((ulong)bytes[10] << 40) | ((ulong)bytes[11] << 32)
               | ((ulong)bytes[12] << 24) | ((ulong)bytes[13] << 16) | ((ulong)bytes[14] << 8) | bytes[15];
        var value = new UInt128(hi, lo);
        Span<char> chars = stackalloc char[26];
        for (var i = 25; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return new string(chars);
    }
}
