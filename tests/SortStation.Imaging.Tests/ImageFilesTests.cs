using System.Buffers.Binary;
using System.IO.Compression;
using OpenCvSharp;

namespace SortStation.Imaging.Tests;

/// <summary>Image files are judged from their header before a pixel is decoded; every file is generated here.</summary>
public sealed class ImageFilesTests : IDisposable
{
    private const long Limit = 50_000_000;
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("sortstation-images-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Theory]
    [InlineData(".jpg", "JPEG")]
    [InlineData(".png", "PNG")]
    [InlineData(".bmp", "BMP")]
    [InlineData(".webp", "WebP")]
    public void Read_EncodedByOpenCv_SizeAndWhole(string extension, string format)
    {
        var file = Encode(extension, 321, 123);

        Assert.Equal(new ImageHeader(format, 321, 123, null), ImageHeader.Read(file));
    }

    [Fact]
    public void Read_ProgressiveJpeg_WholeThroughAllItsScans()
    {
        using var mat = new Mat(200, 300, MatType.CV_8UC3);
        Cv2.Randu(mat, Scalar.All(0), Scalar.All(255));
        var file = Path.Combine(_dir.FullName, "progressive.jpg");
        Assert.True(Cv2.ImWrite(file, mat, new ImageEncodingParam(ImwriteFlags.JpegProgressive, 1)));

        Assert.Equal(new ImageHeader("JPEG", 300, 200, null), ImageHeader.Read(file));
    }

    [Theory]
    [InlineData(".jpg")]
    [InlineData(".png")]
    [InlineData(".bmp")]
    [InlineData(".webp")]
    public void Load_CutInHalf_RefusedAsTruncated(string extension)
    {
        var file = Encode(extension, 320, 240);
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);

        var ex = Assert.Throws<InvalidDataException>(() => ImageFiles.Load(file, DateTimeOffset.UnixEpoch, Limit));

        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_JpegWithoutEndMarker_SaysSo()
    {
        var file = Encode(".jpg", 320, 240);
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..^2]); // only the EOI marker missing: libjpeg would just warn

        var ex = Assert.Throws<InvalidDataException>(() => ImageFiles.Load(file, DateTimeOffset.UnixEpoch, Limit));

        Assert.Contains("no end-of-image marker (EOI)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WholeJpeg_DecodedToItsSize()
    {
        var frame = ImageFiles.Load(Encode(".jpg", 320, 240), DateTimeOffset.UnixEpoch, Limit);

        Assert.Equal((320, 240, 320 * 240 * 3), (frame.Width, frame.Height, frame.Pixels.Length));
    }

    [Fact]
    public void Load_27000SquarePng_RefusedFromItsHeaderWithoutDecoding()
    {
        // 729 MP: 2.2 GB decoded, more than one byte[] holds (the OverflowException of old). The file is 100 bytes.
        var file = PngHeaderOnly(27_000, 27_000);

        var ex = Assert.Throws<InvalidDataException>(() => ImageFiles.Load(file, DateTimeOffset.UnixEpoch, Limit));

        Assert.Contains("PNG of 27000 x 27000 pixels (729 MP) is above Model:MaxImagePixels (50 MP)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Directory_SaysItIsADirectory()
    {
        var ex = Assert.Throws<InvalidDataException>(() => ImageFiles.Load(_dir.FullName, DateTimeOffset.UnixEpoch, Limit));

        Assert.Equal($"{_dir.FullName}: is a directory, not an image file.", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("GIF89a and more")]
    [InlineData("\u00ff\u00d8\u00ff")]
    public void Load_EmptyOtherFormatOrHeaderOnly_NotAnImageTheStationReads(string content)
    {
        var file = Path.Combine(_dir.FullName, "odd.jpg");
        File.WriteAllBytes(file, [.. content.Select(c => (byte)c)]);

        var ex = Assert.Throws<InvalidDataException>(() => ImageFiles.Load(file, DateTimeOffset.UnixEpoch, Limit));

        Assert.Contains("not an image the station reads", ex.Message, StringComparison.Ordinal);
    }

    private string Encode(string extension, int width, int height)
    {
        using var mat = new Mat(height, width, MatType.CV_8UC3);
        Cv2.Randu(mat, Scalar.All(0), Scalar.All(255)); // noise: a JPEG of it has a long scan to search
        var file = Path.Combine(_dir.FullName, $"{Guid.NewGuid():N}{extension}");
        Assert.True(Cv2.ImWrite(file, mat), $"OpenCV cannot write {extension}");
        return file;
    }

    /// <summary>A valid PNG structure (IHDR, a tiny IDAT, IEND) claiming <paramref name="width"/> x <paramref name="height"/>.</summary>
    private string PngHeaderOnly(int width, int height)
    {
        var file = Path.Combine(_dir.FullName, "huge.png");
        using var stream = File.Create(file);
        stream.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // RGB
        Chunk(stream, "IHDR", ihdr);
        using (var data = new MemoryStream())
        {
            using (var z = new ZLibStream(data, CompressionLevel.Optimal, leaveOpen: true))
            {
                z.Write(new byte[(width * 3) + 1]); // one row
            }

            Chunk(stream, "IDAT", data.ToArray());
        }

        Chunk(stream, "IEND", []);
        return file;
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        var header = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, data.Length);
        System.Text.Encoding.ASCII.GetBytes(type, header.AsSpan(4));
        stream.Write(header);
        stream.Write(data);
        stream.Write(new byte[4]); // CRC: not read by the header check
    }
}
