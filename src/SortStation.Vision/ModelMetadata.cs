namespace SortStation.Vision;

/// <summary>
/// The metadata.json that travels with a model: what the network expects and what its outputs mean.
/// Mean and std are per channel in <see cref="ColorOrder"/>, on 0–255 pixel values: x' = (x − mean) / std.
/// </summary>
public sealed record ModelMetadata
{
    public required string Name { get; init; }

    public string Version { get; init; } = "0.0.0";

    public string? Architecture { get; init; }

    public string? InputName { get; init; }

    public string? OutputName { get; init; }

    /// <summary><c>logits</c> (softmax is applied here) or <c>probabilities</c>.</summary>
    public string Output { get; init; } = "logits";

    public int InputWidth { get; init; } = 224;

    public int InputHeight { get; init; } = 224;

    /// <summary>Short side is resized to input ÷ cropFraction, then the centre is cropped (0.875 = 224 of 256).</summary>
    public double CropFraction { get; init; } = 0.875;

    /// <summary><c>RGB</c> or <c>BGR</c>: channel order the network was trained on.</summary>
    public string ColorOrder { get; init; } = "RGB";

    public IReadOnlyList<float> Mean { get; init; } = [123.675f, 116.28f, 103.53f];

    public IReadOnlyList<float> Std { get; init; } = [58.395f, 57.12f, 57.375f];

    public IReadOnlyList<string> Labels { get; init; } = [];

    public string? TrainedAt { get; init; }

    public string? DataHash { get; init; }

    /// <summary>
    /// Temperature T of the calibration fitted on the validation split: scores are softmax(logits / T), so a
    /// confidence of 0.9 means about 9 in 10 such items are right. 1 = the raw softmax. Logit outputs only.
    /// </summary>
    public double Temperature { get; init; } = 1.0;

    public bool OutputsLogits => string.Equals(Output, "logits", StringComparison.OrdinalIgnoreCase);

    public bool IsRgb => string.Equals(ColorOrder, "RGB", StringComparison.OrdinalIgnoreCase);
}
