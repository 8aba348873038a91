using SortStation.Core.Devices;

namespace SortStation.Vision.Tests;

public sealed class ImagePreprocessorTests
{
    private static readonly ModelMetadata Metadata = new()
    {
        Name = "t",
        InputWidth = 4,
        InputHeight = 4,
        CropFraction = 1.0,
        ColorOrder = "RGB",
        Mean = [10f, 20f, 30f],
        Std = [2f, 4f, 5f],
        Labels = ["a"],
    };

    [Fact]
    public void Run_FrameAtInputSize_BgrToRgbNormalisedNchw()
    {
        // Every pixel B=30, G=60, R=90.
        var frame = Uniform(4, 4, b: 30, g: 60, r: 90);
        using var pre = new ImagePreprocessor(Metadata);
        var tensor = new float[pre.TensorLength];

        pre.Run(frame, tensor);

        // v / std - mean / std in float: within a float rounding of the exact value.
        Assert.All(tensor[..16], v => Assert.Equal((90 - 10) / 2f, v, 1e-6f)); // plane 0 = R
        Assert.All(tensor[16..32], v => Assert.Equal((60 - 20) / 4f, v, 1e-6f)); // plane 1 = G
        Assert.All(tensor[32..], v => Assert.Equal((30 - 30) / 5f, v, 1e-6f)); // plane 2 = B
    }

    [Fact]
    public void Run_AnotherDestination_WritesThatBuffer()
    {
        using var pre = new ImagePreprocessor(Metadata with { Mean = [0f, 0f, 0f], Std = [1f, 1f, 1f] });
        var first = new float[pre.TensorLength];
        var second = new float[pre.TensorLength];

        pre.Run(Uniform(4, 4, b: 1, g: 2, r: 3), first);
        pre.Run(Uniform(4, 4, b: 7, g: 8, r: 9), second);

        Assert.All(first[..16], v => Assert.Equal(3f, v));
        Assert.All(second[..16], v => Assert.Equal(9f, v));
        Assert.All(second[32..], v => Assert.Equal(7f, v));
    }

    [Fact]
    public void Run_BgrModel_KeepsChannelOrder()
    {
        var frame = Uniform(4, 4, b: 30, g: 60, r: 90);
        using var pre = new ImagePreprocessor(Metadata with { ColorOrder = "BGR" });
        var tensor = new float[pre.TensorLength];

        pre.Run(frame, tensor);

        Assert.Equal((30 - 10) / 2f, tensor[0]);
    }

    [Fact]
    public void Run_WideFrame_CentreCropped()
    {
        // 8×4 frame: left half black, centre columns 2..5 white, right columns black.
        var pixels = new byte[8 * 4 * 3];
        for (var y = 0; y < 4; y++)
        {
            for (var x = 2; x < 6; x++)
            {
                pixels.AsSpan(((y * 8) + x) * 3, 3).Fill(255);
            }
        }

        using var pre = new ImagePreprocessor(Metadata with { Mean = [0f, 0f, 0f], Std = [1f, 1f, 1f] });
        var tensor = new float[pre.TensorLength];

        pre.Run(new Frame(pixels, 8, 4, DateTimeOffset.UnixEpoch), tensor);

        Assert.All(tensor, v => Assert.Equal(255f, v)); // only the white centre survives the crop
    }

    [Fact]
    public void Run_LargeFrame_ResizedShortSideThenCropped()
    {
        var frame = Uniform(64, 48, b: 200, g: 100, r: 50);
        using var pre = new ImagePreprocessor(Metadata with { Mean = [0f, 0f, 0f], Std = [1f, 1f, 1f], CropFraction = 0.5 });
        var tensor = new float[pre.TensorLength];

        pre.Run(frame, tensor);

        Assert.All(tensor[..16], v => Assert.Equal(50f, v));
        Assert.All(tensor[32..], v => Assert.Equal(200f, v));
    }

    [Fact]
    public void Run_FractionalShrink_CheckerboardAveragesToGrey()
    {
        // 1-pixel black/white checkerboard shrunk 1.875×: an averaging resize gives grey everywhere; sampling
        // (nearest, or bilinear at this ratio) would alias it into black and white patches.
        var meta = Metadata with { InputWidth = 224, InputHeight = 224, CropFraction = 0.875, Mean = [0f, 0f, 0f], Std = [1f, 1f, 1f] };
        using var pre = new ImagePreprocessor(meta);
        var tensor = new float[pre.TensorLength];

        pre.Run(Pattern(640, 480, (x, y) => (x + y) % 2 == 0 ? (byte)255 : (byte)0), tensor);

        Assert.All(tensor, v => Assert.InRange(v, 127.5f - 40, 127.5f + 40));
    }

    [Theory]
    [InlineData(640, 480)] // 1.875×: 2 × 2 average, then 1.07× bilinear
    [InlineData(1280, 720)] // 2.81×: 3 × 3 average, then 1.07× bilinear
    [InlineData(300, 282)] // 1.10×: 1.8× bilinear enlargement first, then 2 × 2 average
    [InlineData(585, 512)] // exactly 2×: one INTER_AREA
    public void Run_Shrink_MatchesAreaAveragingOfTheCrop(int width, int height)
    {
        // Smooth gradients: the result must stay within a few grey levels of OpenCV's exact INTER_AREA of
        // the same centre crop (the region "short side to 256, centre 224" keeps).
        var meta = Metadata with { InputWidth = 224, InputHeight = 224, CropFraction = 0.875, ColorOrder = "BGR", Mean = [0f, 0f, 0f], Std = [1f, 1f, 1f] };
        using var pre = new ImagePreprocessor(meta);
        var tensor = new float[pre.TensorLength];
        var frame = Pattern(width, height, (x, y) => (byte)((((x * 255) / (width - 1)) + (int)(60 * Math.Sin(y * 50.0 / height))) / 2 + 60));

        pre.Run(frame, tensor);

        var crop = (int)Math.Round(224 * Math.Min(width, height) / 256.0);
        using var source = OpenCvSharp.Mat.FromPixelData(height, width, OpenCvSharp.MatType.CV_8UC3, frame.Pixels);
        using var region = new OpenCvSharp.Mat(source, new OpenCvSharp.Rect((width - crop) / 2, (height - crop) / 2, crop, crop));
        using var expected = new OpenCvSharp.Mat();
        OpenCvSharp.Cv2.Resize(region, expected, new OpenCvSharp.Size(224, 224), 0, 0, OpenCvSharp.InterpolationFlags.Area);
        double total = 0;
        for (var y = 0; y < 224; y++)
        {
            for (var x = 0; x < 224; x++)
            {
                var difference = Math.Abs(tensor[(y * 224) + x] - expected.At<OpenCvSharp.Vec3b>(y, x).Item0);
                Assert.InRange(difference, 0, 6);
                total += difference;
            }
        }

        Assert.InRange(total / (224 * 224), 0, 1.0);
    }

    [Fact]
    public void Run_BufferTooSmall_Throws()
    {
        using var pre = new ImagePreprocessor(Metadata);

        Assert.Throws<ArgumentException>(() => pre.Run(Uniform(4, 4, 0, 0, 0), new float[10]));
    }

    private static Frame Uniform(int width, int height, byte b, byte g, byte r)
    {
        var pixels = new byte[width * height * 3];
        for (var i = 0; i < pixels.Length; i += 3)
        {
            (pixels[i], pixels[i + 1], pixels[i + 2]) = (b, g, r);
        }

        return new Frame(pixels, width, height, DateTimeOffset.UnixEpoch);
    }

    private static Frame Pattern(int width, int height, Func<int, int, byte> value)
    {
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = ((y * width) + x) * 3;
                pixels[i] = pixels[i + 1] = pixels[i + 2] = value(x, y);
            }
        }

        return new Frame(pixels, width, height, DateTimeOffset.UnixEpoch);
    }
}
