using SortStation.Core.Classification;
using SortStation.Core.Devices;

namespace SortStation.Vision;

/// <summary>What a candidate model must do before it may sort: classify a frame into finite scores over its own labels.</summary>
public static class ModelCheck
{
    public static void Run(IClassifier candidate, Frame sample)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var result = candidate.Classify(sample);
        if (candidate.Model.Labels.Count == 0 || result.Top.Count == 0)
        {
            throw new InvalidDataException("the model has no labels or returned no scores on the sample frame.");
        }

        foreach (var score in result.Top)
        {
            if (!double.IsFinite(score.Confidence) || score.Confidence is < 0 or > 1 || !candidate.Model.Labels.Contains(score.Label))
            {
                throw new InvalidDataException($"on the sample frame it returned {score.Label} = {score.Confidence}: not a probability over its labels.");
            }
        }
    }
}
