using SortStation.Contracts;
using SortStation.Core.Classification;
using SortStation.Core.Devices;

namespace SortStation.Testing;

/// <summary>A classifier that answers what the test says, counts its calls and refuses work once disposed.</summary>
public sealed class FakeClassifier : IClassifier, IDisposable
{
    private readonly TimeSpan _latency;
    private int _calls;

    /// <summary>Three labels; glass at 0.9 unless <see cref="Next"/> says otherwise.</summary>
    public FakeClassifier()
        : this(new ModelInfo("fake", "1.2.3", ["cardboard", "glass", "paper"]), [new("glass", 0.9), new("paper", 0.07), new("cardboard", 0.03)], TimeSpan.FromMilliseconds(12))
    {
    }

    /// <summary>A model version that sees glass at <paramref name="confidence"/>; NaN models a broken network.</summary>
    public FakeClassifier(string version, double confidence = 0.9)
        : this(new ModelInfo("fake", version, ["glass", "metal"]), [new("glass", confidence)], TimeSpan.FromMilliseconds(5))
    {
    }

    private FakeClassifier(ModelInfo model, IReadOnlyList<LabelScore> next, TimeSpan latency)
    {
        Model = model;
        Next = next;
        _latency = latency;
    }

    public ModelInfo Model { get; }

    public IReadOnlyList<LabelScore> Next { get; set; }

    public bool Disposed { get; private set; }

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>A one-label model that always sees glass at 0.95.</summary>
    public static FakeClassifier Glass() => new(new ModelInfo("fake", "1", ["glass"]), [new("glass", 0.95)], TimeSpan.FromMilliseconds(1));

    public ClassificationResult Classify(Frame frame)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        Interlocked.Increment(ref _calls);
        return new ClassificationResult(Next, _latency, Model);
    }

    public void Dispose() => Disposed = true;
}
