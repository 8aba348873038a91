using SortStation.Core.Options;
using SortStation.Vision;

namespace SortStation.Integration.Tests.Support;

/// <summary>The shipped ONNX model loaded through the station's own classifier.</summary>
public sealed class TestModelFixture : IDisposable
{
    public OnnxClassifier Classifier { get; } = new(new ModelOptions { Path = RepoPaths.ShippedModel, IntraOpThreads = 2 });

    public void Dispose() => Classifier.Dispose();
}
