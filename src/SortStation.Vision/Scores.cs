using SortStation.Contracts;

namespace SortStation.Vision;

/// <summary>Post-processing of classifier outputs: softmax and top-k without sorting the whole vector.</summary>
public static class Scores
{
    /// <summary>
    /// Numerically stable softmax of logits ÷ <paramref name="temperature"/> (subtract the max; the calibration of the
    /// model's metadata.json), or a copy when the model already outputs probabilities.
    /// </summary>
    public static void ToProbabilities(ReadOnlySpan<float> outputs, Span<float> probabilities, bool outputsAreLogits, float temperature = 1f)
    {
        if (!outputsAreLogits)
        {
            outputs.CopyTo(probabilities);
            return;
        }

        var max = float.NegativeInfinity;
        foreach (var v in outputs)
        {
            max = Math.Max(max, v);
        }

        var sum = 0f;
        var inverse = 1f / temperature;
        for (var i = 0; i < outputs.Length; i++)
        {
            probabilities[i] = MathF.Exp((outputs[i] - max) * inverse);
            sum += probabilities[i];
        }

        for (var i = 0; i < outputs.Length; i++)
        {
            probabilities[i] /= sum;
        }
    }

    /// <summary>The k best labels, best first; ties keep the lower index.</summary>
    public static LabelScore[] TopK(ReadOnlySpan<float> probabilities, IReadOnlyList<string> labels, int k)
    {
        ArgumentNullException.ThrowIfNull(labels);
        Span<int> best = stackalloc int[k];
        var count = 0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            var p = probabilities[i];
            if (count == k && p <= probabilities[best[k - 1]])
            {
                continue;
            }

            var j = count < k ? count++ : k - 1;
            while (j > 0 && probabilities[best[j - 1]] < p)
            {
                best[j] = best[j - 1];
                j--;
            }

            best[j] = i;
        }

        var result = new LabelScore[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = new LabelScore(labels[best[i]], Math.Round((double)probabilities[best[i]], 6));
        }

        return result;
    }
}
