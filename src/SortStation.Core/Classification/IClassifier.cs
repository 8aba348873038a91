using SortStation.Core.Devices;

namespace SortStation.Core.Classification;

/// <summary>An image classifier. Implementations own their model session and are reused for the process lifetime.</summary>
public interface IClassifier
{
    ModelInfo Model { get; }

    /// <summary>Classifies one frame; CPU-bound, so synchronous. Thread-safe.</summary>
    ClassificationResult Classify(Frame frame);

    /// <summary>
    /// First half of <see cref="Classify"/>: takes what the model needs from <paramref name="frame"/> (waiting
    /// for a free input slot), so the camera may reuse the frame once this returns; the returned
    /// classification runs later, on any thread. Thread-safe. This default copies the pixels (an image-sized
    /// allocation per item); classifiers on the hot path preprocess straight into a slot instead.
    /// </summary>
    IPreparedClassification Prepare(Frame frame) => new CopiedFrameClassification(this, frame);
}
