using SortStation.Contracts;

namespace SortStation.Core.Classification;

/// <summary>
/// Top-k labels, best first, the time the model took, and the model that ran: a model swapped in while the item
/// was classifying must not be named on its record.
/// </summary>
public sealed record ClassificationResult(IReadOnlyList<LabelScore> Top, TimeSpan InferenceTime, ModelInfo Model)
{
    public LabelScore Best => Top[0];
}
