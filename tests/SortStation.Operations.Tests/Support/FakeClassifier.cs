using SortStation.Contracts;
using SortStation.Core.Classification;
using SortStation.Core.Devices;

namespace SortStation.Operations.Tests.Support;

/// <summary>A classifier that answers <see cref="Confidence"/> for its first label; NaN models a broken network.</summary>
public sealed class FakeClassifier(string version, double confidence = 0.9) : IClassifier, IDisposable
{
    public ModelInfo Model { get; } = new("fake", version, ["glass", "metal"]);

    public bool Disposed { get; private set; }

    public int Calls { get; private set; }

    public ClassificationResult Classify(Frame frame)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        Calls++;
        return new ClassificationResult([new LabelScore("glass", confidence)], TimeSpan.FromMilliseconds(5), Model);
    }

    public void Dispose() => Disposed = true;
}
