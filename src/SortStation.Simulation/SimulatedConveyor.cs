using Microsoft.Extensions.Options;
using SortStation.Core.Options;
using SortStation.Core.Units;
using SortStation.Kernel.Options;

namespace SortStation.Simulation;

/// <summary>
/// The simulated belt: decides what the next item really is, and holds the item now at the camera and
/// on the scale, so the simulated camera, scale and trigger agree about it.
/// </summary>
public sealed class SimulatedConveyor
{
    private readonly Lock _gate = new();
    private readonly Random _random;
    private readonly ImageCatalog? _catalog;
    private readonly double _spread;
    private ConveyorItem? _current;

    public SimulatedConveyor(IOptions<SimulationOptions> options)
        : this(options, SampleImages.Locate())
    {
    }

    /// <summary>Photos come from Simulation:ImagesDirectory, else <paramref name="samples"/> (the bundled photos), else are drawn.</summary>
    internal SimulatedConveyor(IOptions<SimulationOptions> options, string? samples)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _random = new Random(o.Seed);
        _spread = o.WeightSpread;
        var directory = AppPaths.Resolve(o.ImagesDirectory) ?? (o.SyntheticFrames ? null : samples);
        if (directory is not null)
        {
            _catalog = ImageCatalog.Scan(directory);
        }

        Frames = _catalog is null ? "synthetic drawings" : $"{_catalog.Images.Count} photos from {directory}";
    }

    /// <summary>True when items are photos from a folder rather than synthetic drawings.</summary>
    public bool ReplaysImages => _catalog is not null;

    /// <summary>Where the camera's frames come from, for the demo's summary and the log.</summary>
    public string Frames { get; }

    public ConveyorItem? Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Puts the next item under the camera.</summary>
    public ConveyorItem Advance(long sequence)
    {
        lock (_gate)
        {
            string label;
            string? path = null;
            if (_catalog is not null)
            {
                (path, label) = _catalog.Images[_random.Next(_catalog.Images.Count)];
            }
            else
            {
                label = TypicalWeights.Labels[_random.Next(TypicalWeights.Labels.Count)];
            }

            _current = new ConveyorItem(sequence, label, path, Weigh(label));
            return _current;
        }
    }

    /// <summary>Seeded random shared with the renderer so synthetic frames repeat too.</summary>
    internal int NextInt(int maxExclusive)
    {
        lock (_gate)
        {
            return _random.Next(maxExclusive);
        }
    }

    private Mass Weigh(string label)
    {
        // Log-normal spread: weights stay positive and skew heavy, as real items do.
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        var normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        var grams = TypicalWeights.For(label).Grams * Math.Exp(_spread * normal);
        return Mass.FromGrams(Math.Round(grams, 1));
    }
}
