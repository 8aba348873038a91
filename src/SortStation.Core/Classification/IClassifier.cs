using SortStation.Core.Devices;

namespace SortStation.Core.Classification;

/// <summary>An image classifier. Implementations own their model session and are reused for the process lifetime.</summary>
public interface IClassifier
{
    ModelInfo Model { get; }

    /// <summary>Classifies one frame; CPU-bound, so synchronous. Thread-safe.</summary>
    ClassificationResult Classify(Frame frame);
}
