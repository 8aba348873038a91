using SortStation.Contracts;

namespace SortStation.Core.Classification;

/// <summary>Top-k labels, best first, and the time the model took.</summary>
public sealed record ClassificationResult(IReadOnlyList<LabelScore> Top, TimeSpan InferenceTime)
{
    public LabelScore Best => Top[0];
}
