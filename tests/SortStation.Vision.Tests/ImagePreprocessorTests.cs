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

        Assert.All(tensor[..16], v => Assert.Equal((90 - 10) / 2f, v)); // plane 0 = R
        Assert.All(tensor[16..32], v => Assert.Equal((60 - 20) / 4f, v)); // plane 1 = G
        Assert.All(tensor[32..], v => Assert.Equal((30 - 30) / 5f, v)); // plane 2 = B
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
}
