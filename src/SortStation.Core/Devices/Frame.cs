namespace SortStation.Core.Devices;

/// <summary>
/// A camera image as packed 8-bit BGR rows (OpenCV's native order), so the core needs no imaging package.
/// The pixel buffer may be reused by the camera for the next capture: consume it before capturing again.
/// </summary>
public sealed class Frame
{
    public Frame(byte[] pixels, int width, int height, DateTimeOffset capturedAt)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (pixels.Length < width * height * 3)
        {
            throw new ArgumentException($"Buffer of {pixels.Length} bytes is too small for {width}x{height} BGR.", nameof(pixels));
        }

        Pixels = pixels;
        Width = width;
        Height = height;
        CapturedAt = capturedAt;
    }

    /// <summary>Packed BGR24, row stride = <see cref="Width"/> × 3.</summary>
#pragma warning disable CA1819 // The buffer is shared on purpose: frames are large and copying them is the cost we avoid.
    public byte[] Pixels { get; }
#pragma warning restore CA1819

    public int Width { get; }

    public int Height { get; }

    public DateTimeOffset CapturedAt { get; }
}
