namespace SortStation.Core.Classification;

/// <summary>
/// A frame already copied into one of a classifier's input slots, waiting for the model. Made by
/// <see cref="IClassifier.Prepare"/> on the loop's thread, run on a worker's; the slot is held until
/// <see cref="Run"/> returns, so it must be run exactly once.
/// </summary>
public interface IPreparedClassification
{
    /// <summary>Runs the model on the prepared input and frees the slot, even when the run throws.</summary>
    ClassificationResult Run();
}
