using System.Buffers.Binary;

namespace SortStation.Imaging;

/// <summary>
/// An image file's format, size and completeness, read from its structure without decoding a pixel.
/// Hand-rolled because OpenCV has no call that gives an image's size without decoding all of it
/// (ImRead accepts up to 2^30 pixels, OPENCV_IO_MAX_IMAGE_PIXELS, before a caller can refuse), and libjpeg
/// only warns on a file cut short ("Premature end of JPEG file") and returns the image with grey rows.
/// The four formats the station reads are walked marker by marker or chunk by chunk: a few reads per file,
/// plus one pass over a JPEG's compressed data to find its end.
/// </summary>
/// <param name="Format">JPEG, PNG, BMP or WebP.</param>
/// <param name="Width">Pixels across, as stored (before any EXIF rotation).</param>
/// <param name="Height">Pixels down, as stored.</param>
/// <param name="Truncated">Why the file is incomplete or inconsistent; null when whole.</param>
public sealed record ImageHeader(string Format, int Width, int Height, string? Truncated)
{
    public long Pixels => (long)Width * Height;

    /// <summary>Reads <paramref name="path"/>'s header; throws <see cref="InvalidDataException"/> when it is none of the four formats or too short to say.</summary>
    public static ImageHeader Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> start = stackalloc byte[64];
        var n = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        start = start[..n];
        try
        {
            if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            {
                return JpegHeader.Read(stream);
            }

            if (start.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
            {
                return Png(stream, start);
            }

            if (start.StartsWith("BM"u8))
            {
                return Bmp(stream, start);
            }

            if (start.StartsWith("RIFF"u8) && start.Length >= 30 && start[8..12].SequenceEqual("WEBP"u8))
            {
                return WebP(stream, start);
            }
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("the file ends inside its header (truncated)");
        }

        throw new InvalidDataException(n == 0 ? "the file is empty" : "not a JPEG, PNG, BMP or WebP image");
    }

    private static ImageHeader Png(FileStream stream, ReadOnlySpan<byte> start)
    {
        if (start.Length < 24 || !start[12..16].SequenceEqual("IHDR"u8))
        {
            throw new EndOfStreamException();
        }

        var width = BinaryPrimitives.ReadInt32BigEndian(start[16..]);
        var height = BinaryPrimitives.ReadInt32BigEndian(start[20..]);

        // Chunk by chunk (length, type, data, CRC) to IEND, seeking over the data.
        Span<byte> chunk = stackalloc byte[8];
        long at = 8;
        while (true)
        {
            stream.Position = at;
            if (stream.ReadAtLeast(chunk, 8, throwOnEndOfStream: false) < 8)
            {
                return new("PNG", width, height, $"no IEND chunk: the file ends after {stream.Length} bytes");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(chunk);
            at += 12L + length;
            if (at > stream.Length)
            {
                return new("PNG", width, height, $"the {System.Text.Encoding.ASCII.GetString(chunk[4..])} chunk needs {at} bytes, the file has {stream.Length}");
            }

            if (chunk[4..].SequenceEqual("IEND"u8))
            {
                return new("PNG", width, height, null);
            }
        }
    }

    private static ImageHeader Bmp(FileStream stream, ReadOnlySpan<byte> start)
    {
        if (start.Length < 26)
        {
            throw new EndOfStreamException();
        }

        var offset = BinaryPrimitives.ReadUInt32LittleEndian(start[10..]);
        var core = BinaryPrimitives.ReadUInt32LittleEndian(start[14..]) == 12; // BITMAPCOREHEADER: 16-bit sizes
        int width = core ? BinaryPrimitives.ReadUInt16LittleEndian(start[18..]) : BinaryPrimitives.ReadInt32LittleEndian(start[18..]);
        int height = core ? BinaryPrimitives.ReadUInt16LittleEndian(start[20..]) : BinaryPrimitives.ReadInt32LittleEndian(start[22..]);
        int bits = core ? BinaryPrimitives.ReadUInt16LittleEndian(start[24..]) : start.Length >= 30 ? BinaryPrimitives.ReadUInt16LittleEndian(start[28..]) : 0;
        var compression = core || start.Length < 34 ? 0u : BinaryPrimitives.ReadUInt32LittleEndian(start[30..]);
        height = Math.Abs(height); // negative: rows stored top-down

        // Uncompressed rows (BI_RGB, BI_BITFIELDS) are 4-byte aligned: the pixel data's size is known exactly.
        if (compression is 0 or 3 && bits > 0)
        {
            var needed = offset + ((((long)width * bits) + 31) / 32 * 4 * height);
            if (needed > stream.Length)
            {
                return new("BMP", width, height, $"{width} x {height} pixels at {bits} bits need {needed} bytes, the file has {stream.Length}");
            }
        }

        return new("BMP", width, height, null);
    }

    private static ImageHeader WebP(FileStream stream, ReadOnlySpan<byte> start)
    {
        var declared = 8L + BinaryPrimitives.ReadUInt32LittleEndian(start[4..]);
        var chunk = start[12..16];
        int width, height;
        if (chunk.SequenceEqual("VP8X"u8))
        {
            width = 1 + (start[24] | (start[25] << 8) | (start[26] << 16));
            height = 1 + (start[27] | (start[28] << 8) | (start[29] << 16));
        }
        else if (chunk.SequenceEqual("VP8L"u8))
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(start[21..]);
            width = 1 + (int)(bits & 0x3FFF);
            height = 1 + (int)((bits >> 14) & 0x3FFF);
        }
        else if (chunk.SequenceEqual("VP8 "u8))
        {
            width = BinaryPrimitives.ReadUInt16LittleEndian(start[26..]) & 0x3FFF;
            height = BinaryPrimitives.ReadUInt16LittleEndian(start[28..]) & 0x3FFF;
        }
        else
        {
            throw new InvalidDataException($"a WebP file with an unknown first chunk '{System.Text.Encoding.ASCII.GetString(chunk)}'");
        }

        return new("WebP", width, height, declared > stream.Length ? $"the RIFF header declares {declared} bytes, the file has {stream.Length}" : null);
    }
}
