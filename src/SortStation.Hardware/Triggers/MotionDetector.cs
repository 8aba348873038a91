using SortStation.Core.Devices;
using SortStation.Hardware.Options;

namespace SortStation.Hardware.Triggers;

/// <summary>
/// Frame differencing inside a region of interest: the mean absolute change of grey level between
/// consecutive frames (0–255). Every second pixel each way is enough to see an item and quarters the cost.
/// </summary>
public sealed class MotionDetector(TriggerOptions options)
{
    private const int Step = 2;
    private byte[]? _previous;

    /// <summary>Motion score of this frame against the previous one; 0 for the first frame.</summary>
    public double Score(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        int x0 = (int)(options.RoiLeft * frame.Width), y0 = (int)(options.RoiTop * frame.Height);
        int x1 = Math.Min(frame.Width, x0 + Math.Max(1, (int)(options.RoiWidth * frame.Width)));
        int y1 = Math.Min(frame.Height, y0 + Math.Max(1, (int)(options.RoiHeight * frame.Height)));
        var size = ((x1 - x0 + Step - 1) / Step) * ((y1 - y0 + Step - 1) / Step);
        var grey = new byte[size];
        var pixels = frame.Pixels;
        var i = 0;
        for (var y = y0; y < y1; y += Step)
        {
            var row = y * frame.Width * 3;
            for (var x = x0; x < x1; x += Step)
            {
                var p = row + (x * 3);

                // BGR → grey, integer approximation of ITU-R BT.601 weights.
                grey[i++] = (byte)(((pixels[p] * 29) + (pixels[p + 1] * 150) + (pixels[p + 2] * 77)) >> 8);
            }
        }

        var previous = _previous;
        _previous = grey;
        if (previous is null || previous.Length != grey.Length)
        {
            return 0;
        }

        long sum = 0;
        for (var k = 0; k < grey.Length; k++)
        {
            sum += Math.Abs(grey[k] - previous[k]);
        }

        return (double)sum / grey.Length;
    }
}
