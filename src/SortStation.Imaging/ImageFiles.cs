using System.Globalization;
using OpenCvSharp;
using SortStation.Core.Devices;
using SortStation.Core.Options;

namespace SortStation.Imaging;

/// <summary>Reads image files into frames, with errors a person can act on.</summary>
public static class ImageFiles
{
    /// <summary>As <see cref="Load(string, DateTimeOffset, long)"/> with the default <c>Model:MaxImagePixels</c>.</summary>
    public static Frame Load(string path, DateTimeOffset capturedAt) => Load(path, capturedAt, new ModelOptions().MaxImagePixels);

    /// <summary>
    /// Decodes <paramref name="path"/> after reading its header: a directory, a file that is not a JPEG, PNG,
    /// BMP or WebP, one cut short, or one above <paramref name="maxPixels"/> is refused with
    /// <see cref="InvalidDataException"/> (a missing one with <see cref="FileNotFoundException"/>) before any
    /// pixel is decoded, so memory stays bounded by the limit.
    /// </summary>
    public static Frame Load(string path, DateTimeOffset capturedAt, long maxPixels)
    {
        if (Directory.Exists(path))
        {
            throw new InvalidDataException($"{path}: is a directory, not an image file.");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file.", path);
        }

        ImageHeader header;
        try
        {
            header = ImageHeader.Read(path);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{path}: not an image the station reads ({ex.Message}); use JPEG, PNG, BMP or WebP.", ex);
        }

        if (header.Width <= 0 || header.Height <= 0 || header.Pixels > maxPixels)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{path}: {header.Format} of {header.Width} x {header.Height} pixels ({header.Pixels / 1e6:0.#} MP) is above Model:MaxImagePixels ({maxPixels / 1e6:0.#} MP), so it is not decoded. Fix: scale it down (the model sees 224 x 224), or raise Model:MaxImagePixels."));
        }

        if (header.Truncated is { } why)
        {
            throw new InvalidDataException($"{path}: truncated or corrupt {header.Format} ({why}); a partly decoded image would be classified as if whole.");
        }

        using var mat = Cv2.ImRead(path, ImreadModes.Color);
        if (mat.Empty())
        {
            throw new InvalidDataException($"{path}: a {header.Format} header, but its image data cannot be decoded (corrupt).");
        }

        return ToFrame(mat, null, capturedAt);
    }

    /// <summary>Copies a BGR Mat into a frame, reusing <paramref name="buffer"/> when it is large enough.</summary>
    public static Frame ToFrame(Mat bgr, byte[]? buffer, DateTimeOffset capturedAt)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        if (bgr.Type() != MatType.CV_8UC3)
        {
            throw new ArgumentException($"Expected 8-bit BGR, got {bgr.Type()}.", nameof(bgr));
        }

        int width = bgr.Width, height = bgr.Height;
        var rowBytes = width * 3;
        var size = (long)rowBytes * height;
        if (size > Array.MaxLength)
        {
            throw new InvalidDataException($"a {width} x {height} frame ({size} bytes) does not fit in one array.");
        }

        var pixels = buffer is not null && buffer.Length == size ? buffer : new byte[size];
        if (bgr.IsContinuous())
        {
            System.Runtime.InteropServices.Marshal.Copy(bgr.Data, pixels, 0, (int)size);
        }
        else
        {
            for (var y = 0; y < height; y++)
            {
                System.Runtime.InteropServices.Marshal.Copy(bgr.Ptr(y), pixels, y * rowBytes, rowBytes);
            }
        }

        return new Frame(pixels, width, height, capturedAt);
    }
}
