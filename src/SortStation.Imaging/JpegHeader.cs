namespace SortStation.Imaging;

/// <summary>
/// A JPEG walked marker by marker: the frame header (SOFn) gives the size, and the file is whole only when
/// the end-of-image marker (EOI) follows the last scan. Inside compressed data a 0xFF byte is always
/// followed by 0x00 (stuffing) or a restart marker, so the first other marker after a scan ends it.
/// </summary>
internal static class JpegHeader
{
    private const int Eoi = 0xD9;
    private const int Sos = 0xDA;

    public static ImageHeader Read(Stream file)
    {
        using var stream = new BufferedStream(file, 1 << 16);
        stream.Position = 2; // after SOI
        int width = 0, height = 0;
        var marker = NextMarker(stream);
        while (marker >= 0)
        {
            if (marker == Eoi)
            {
                return Result(width, height, null);
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                marker = NextMarker(stream); // no length
                continue;
            }

            var length = (ReadByte(stream) << 8) | ReadByte(stream);
            if (length < 2)
            {
                return Result(width, height, $"a segment of length {length} at byte {stream.Position - 2}");
            }

            if (IsFrameHeader(marker))
            {
                ReadByte(stream); // sample precision
                height = (ReadByte(stream) << 8) | ReadByte(stream);
                width = (ReadByte(stream) << 8) | ReadByte(stream);
                stream.Seek(length - 7, SeekOrigin.Current);
            }
            else
            {
                stream.Seek(length - 2, SeekOrigin.Current);
            }

            if (stream.Position > stream.Length)
            {
                return Result(width, height, $"a segment runs past the end of the file ({stream.Length} bytes)");
            }

            marker = marker == Sos ? SkipScan(stream) : NextMarker(stream);
        }

        return Result(width, height, $"no end-of-image marker (EOI): the file ends after {stream.Length} bytes, inside the image data");
    }

    private static ImageHeader Result(int width, int height, string? truncated)
    {
        if (width == 0 || height == 0)
        {
            throw new InvalidDataException(truncated ?? "a JPEG without a frame header (SOF) giving its size");
        }

        return new ImageHeader("JPEG", width, height, truncated);
    }

    // SOF0-15 except DHT (C4), JPG (C8) and DAC (CC).
    private static bool IsFrameHeader(int marker) => marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    /// <summary>The marker after a scan's compressed data, or -1 at the end of the file.</summary>
    private static int SkipScan(Stream stream)
    {
        int b;
        while ((b = stream.ReadByte()) >= 0)
        {
            if (b != 0xFF)
            {
                continue;
            }

            int next;
            do
            {
                next = stream.ReadByte();
            }
            while (next == 0xFF); // fill bytes

            if (next < 0)
            {
                return -1;
            }

            if (next != 0x00 && next is not (>= 0xD0 and <= 0xD7))
            {
                return next;
            }
        }

        return -1;
    }

    /// <summary>The next marker code (skipping fill bytes), or -1 at the end of the file.</summary>
    private static int NextMarker(Stream stream)
    {
        int b;
        do
        {
            b = stream.ReadByte();
        }
        while (b >= 0 && b != 0xFF);

        do
        {
            b = stream.ReadByte();
        }
        while (b == 0xFF);

        return b;
    }

    private static int ReadByte(Stream stream) => stream.ReadByte() is var b and >= 0 ? b : throw new EndOfStreamException();
}
