using SortStation.Core.Devices;

namespace SortStation.Hosting;

/// <summary>
/// The frame a candidate model must classify before it is swapped in: a deterministic colour gradient,
/// so the check needs no camera and never takes a frame away from the belt.
/// </summary>
internal static class SampleFrame
{
    public static Frame Create(TimeProvider time, int width = 320, int height = 240)
    {
        ArgumentNullException.ThrowIfNull(time);
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = ((y * width) + x) * 3;
                pixels[i] = (byte)(255 * x / width);
                pixels[i + 1] = (byte)(255 * y / height);
                pixels[i + 2] = (byte)((x + y) % 256);
            }
        }

        return new Frame(pixels, width, height, time.GetUtcNow());
    }
}
