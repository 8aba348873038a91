using OpenCvSharp;
using SortStation.Core.Devices;

namespace SortStation.Vision;

/// <summary>Reads image files into frames, with errors a person can act on.</summary>
public static class ImageFiles
{
    public static Frame Load(string path, DateTimeOffset capturedAt)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file.", path);
        }

        using var mat = Cv2.ImRead(path, ImreadModes.Color);
        if (mat.Empty())
        {
            throw new InvalidDataException($"{path}: not an image OpenCV can decode (JPEG, PNG, BMP, TIFF, WebP).");
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
        var pixels = buffer is not null && buffer.Length == rowBytes * height ? buffer : new byte[rowBytes * height];
        if (bgr.IsContinuous())
        {
            System.Runtime.InteropServices.Marshal.Copy(bgr.Data, pixels, 0, rowBytes * height);
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
