using SortStation.Core.Devices;

namespace SortStation.Core.Classification;

/// <summary><see cref="IClassifier.Prepare"/> for classifiers without input slots: a private copy of the frame, classified on <see cref="Run"/>.</summary>
internal sealed class CopiedFrameClassification : IPreparedClassification
{
    private readonly IClassifier _classifier;
    private readonly Frame _copy;

    public CopiedFrameClassification(IClassifier classifier, Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        _classifier = classifier;
        _copy = new Frame(frame.Pixels.AsSpan(0, frame.Width * frame.Height * 3).ToArray(), frame.Width, frame.Height, frame.CapturedAt);
    }

    public ClassificationResult Run() => _classifier.Classify(_copy);
}
