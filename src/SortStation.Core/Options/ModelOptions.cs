namespace SortStation.Core.Options;

/// <summary>Section <c>Model</c>: which classifier to load and how to run it.</summary>
public sealed class ModelOptions
{
    public const string Section = "Model";

    /// <summary>The .onnx file. Relative paths are tried against the working directory, then the install directory.</summary>
    [AppliedLive]
    public string Path { get; set; } = "models/mobilenetv2-trashnet/model.onnx";

    /// <summary>Metadata JSON (labels, input size, mean/std). Default: metadata.json beside the model.</summary>
    [AppliedLive]
    public string? MetadataPath { get; set; }

    /// <summary>Labels file (one per line). Default: labels.txt beside the model. Where the metadata lists labels too, both lists must be identical, order included.</summary>
    [AppliedLive]
    public string? LabelsPath { get; set; }

    /// <summary>ONNX Runtime intra-op threads; the Pi 4/5 has 4 cores, leave one for capture and MQTT.</summary>
    [AppliedLive]
    public int IntraOpThreads { get; set; } = 2;

    /// <summary>
    /// How many items classify at once, each on a thread of its own with <see cref="IntraOpThreads"/> threads.
    /// 1 (default) gives each item the lowest latency; on a busy belt 2 workers × 1 thread get more items per
    /// second out of two cores than 1 × 2. Workers × IntraOpThreads must not exceed the cores.
    /// </summary>
    public int Workers { get; set; } = 1;

    /// <summary>
    /// Image files (classify) above this many pixels are refused from their header, before decoding: a
    /// 20 000 x 20 000 PNG would take 1.2 GB decoded. Default 50 MP.
    /// </summary>
    public long MaxImagePixels { get; set; } = 50_000_000;

    /// <summary>How many labels each record carries in <c>top</c>.</summary>
    [AppliedLive]
    public int TopK { get; set; } = 3;
}
