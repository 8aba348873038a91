using SortStation.Simulation;

namespace SortStation.Simulation.Tests;

public sealed class SimulatedConveyorTests : IDisposable
{
    private readonly DirectoryInfo _samples = Directory.CreateTempSubdirectory("sortstation-samples-");

    public SimulatedConveyorTests()
    {
        foreach (var label in new[] { "glass", "metal" })
        {
            var dir = Directory.CreateDirectory(Path.Combine(_samples.FullName, label));
            File.WriteAllBytes(Path.Combine(dir.FullName, $"{label}1.jpg"), [0xFF, 0xD8]);
        }
    }

    [Fact]
    public void Advance_NoImagesDirectory_ReplaysTheSamples()
    {
        var conveyor = new SimulatedConveyor(Microsoft.Extensions.Options.Options.Create(new SimulationOptions()), _samples.FullName);

        var items = Enumerable.Range(1, 20).Select(i => conveyor.Advance(i)).ToArray();

        Assert.True(conveyor.ReplaysImages);
        Assert.All(items, i => Assert.StartsWith(_samples.FullName, i.ImagePath, StringComparison.Ordinal));
        Assert.All(items, i => Assert.Equal(Path.GetFileName(Path.GetDirectoryName(i.ImagePath)), i.TrueLabel));
        Assert.Equal(["glass", "metal"], items.Select(i => i.TrueLabel).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal($"2 photos from {_samples.FullName}", conveyor.Frames);
    }

    [Fact]
    public void Advance_NoSamplesFolder_FallsBackToSyntheticItems()
    {
        var conveyor = new SimulatedConveyor(Microsoft.Extensions.Options.Options.Create(new SimulationOptions()), samples: null);

        var item = conveyor.Advance(1);

        Assert.False(conveyor.ReplaysImages);
        Assert.Null(item.ImagePath);
        Assert.Contains(item.TrueLabel, TypicalWeights.Labels);
        Assert.Equal("synthetic drawings", conveyor.Frames);
    }

    [Fact]
    public void Advance_SyntheticFramesOption_DrawsEvenWithSamples()
    {
        var conveyor = new SimulatedConveyor(Microsoft.Extensions.Options.Options.Create(new SimulationOptions { SyntheticFrames = true }), _samples.FullName);

        Assert.Null(conveyor.Advance(1).ImagePath);
        Assert.False(conveyor.ReplaysImages);
    }

    [Fact]
    public void Advance_ImagesDirectoryGiven_WinsOverSamples()
    {
        var other = Directory.CreateDirectory(Path.Combine(_samples.FullName, "other", "paper"));
        File.WriteAllBytes(Path.Combine(other.FullName, "paper1.jpg"), [0xFF, 0xD8]);
        var options = new SimulationOptions { ImagesDirectory = Path.Combine(_samples.FullName, "other"), SyntheticFrames = true };

        var item = new SimulatedConveyor(Microsoft.Extensions.Options.Options.Create(options), _samples.FullName).Advance(1);

        Assert.Equal("paper", item.TrueLabel);
    }

    [Fact]
    public void Locate_BuiltStation_FindsTheBundledSamples()
    {
        // The station project copies samples/ beside its binaries; this project copies it beside these tests the same way.
        var samples = SampleImages.Locate();

        Assert.NotNull(samples);
        Assert.True(Directory.EnumerateFiles(samples, "*.jpg", SearchOption.AllDirectories).Count() is > 0 and <= 48);
    }

    public void Dispose() => _samples.Delete(recursive: true);
}
