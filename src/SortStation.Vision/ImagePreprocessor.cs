using OpenCvSharp;
using SortStation.Core.Devices;

namespace SortStation.Vision;

/// <summary>
/// Frame → network input, written straight into the caller's tensor buffer: resize the short side to
/// input ÷ cropFraction, centre-crop, reorder BGR→RGB, normalise with the model's mean/std, NCHW float.
/// The resize buffer is reused; normalisation is a 256-entry lookup per channel.
/// </summary>
public sealed class ImagePreprocessor : IDisposable
{
    private readonly int _width;
    private readonly int _height;
    private readonly int _shortSide;
    private readonly float[][] _lut;
    private readonly int[] _sourceChannel;
    private readonly Mat _resized = new();

    public ImagePreprocessor(ModelMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        _width = metadata.InputWidth;
        _height = metadata.InputHeight;
        _shortSide = (int)Math.Round(Math.Min(_width, _height) / metadata.CropFraction);

        // Plane c of the tensor takes BGR byte _sourceChannel[c] of each pixel.
        _sourceChannel = metadata.IsRgb ? [2, 1, 0] : [0, 1, 2];
        _lut = new float[3][];
        for (var c = 0; c < 3; c++)
        {
            _lut[c] = new float[256];
            for (var v = 0; v < 256; v++)
            {
                _lut[c][v] = (v - metadata.Mean[c]) / metadata.Std[c];
            }
        }
    }

    public int TensorLength => 3 * _width * _height;

    public void Run(Frame frame, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (destination.Length < TensorLength)
        {
            throw new ArgumentException($"Tensor buffer needs {TensorLength} floats.", nameof(destination));
        }

        using var source = Mat.FromPixelData(frame.Height, frame.Width, MatType.CV_8UC3, frame.Pixels);
        var scale = (double)_shortSide / Math.Min(frame.Width, frame.Height);

        // Crop first, in source pixels, the region that "resize short side, then centre-crop" would keep,
        // and resize only that: the same geometry, but a 640×480 frame shrinks 420×420 pixels instead of all
        // of them (the resize was the largest cost after inference).
        var cropWidth = Math.Min(frame.Width, (int)Math.Round(_width / scale));
        var cropHeight = Math.Min(frame.Height, (int)Math.Round(_height / scale));
        using var region = new Mat(source, new Rect((frame.Width - cropWidth) / 2, (frame.Height - cropHeight) / 2, cropWidth, cropHeight));
        var crop = region;
        if (cropWidth != _width || cropHeight != _height)
        {
            // INTER_AREA averages when shrinking (no aliasing from camera resolution); bilinear when enlarging.
            Cv2.Resize(region, _resized, new Size(_width, _height), 0, 0, scale < 1 ? InterpolationFlags.Area : InterpolationFlags.Linear);
            crop = _resized;
        }

        WritePlanes(crop, destination);
    }

    public void Dispose() => _resized.Dispose();

    private unsafe void WritePlanes(Mat crop, Span<float> destination)
    {
        var plane = _width * _height;
        var lut0 = _lut[0];
        var lut1 = _lut[1];
        var lut2 = _lut[2];
        int s0 = _sourceChannel[0], s1 = _sourceChannel[1], s2 = _sourceChannel[2];
        fixed (float* dst = destination)
        {
            for (var y = 0; y < _height; y++)
            {
                var row = (byte*)crop.Ptr(y);
                var o = y * _width;
                for (var x = 0; x < _width; x++, row += 3, o++)
                {
                    dst[o] = lut0[row[s0]];
                    dst[plane + o] = lut1[row[s1]];
                    dst[(2 * plane) + o] = lut2[row[s2]];
                }
            }
        }
    }
}
