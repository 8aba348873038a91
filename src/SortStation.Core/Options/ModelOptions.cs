using SortStation.Kernel.Options;

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

    /// <summary>
    /// ONNX Runtime threads inside each operator, per worker: a number, or <c>auto</c> (default) for the entry of
    /// <see cref="ThreadDefaults"/> matching the cores.
    /// </summary>
    [AppliedLive]
    public ThreadCount IntraOpThreads { get; set; } = ThreadCount.Auto;

    /// <summary>
    /// How many items classify at once, each on a thread of its own with <see cref="IntraOpThreads"/> threads: a
    /// number, or <c>auto</c> (default, <see cref="ThreadDefaults"/>: 2 × 1 on two cores, 1 × 3 on a Pi 4/5).
    /// 1 gives each item the lowest latency; on two cores 2 workers × 1 thread get more items per second than
    /// 1 × 2. Workers × IntraOpThreads must not exceed the cores.
    /// </summary>
    public ThreadCount Workers { get; set; } = ThreadCount.Auto;

    /// <summary>
    /// With several workers, the next item is preprocessed and queued while every worker is busy, so a worker that
    /// finishes starts it at once instead of waiting for the loop to finish the last item and preprocess the next
    /// (true, default; the classifier keeps one more input slot). Read at start only.
    /// </summary>
    public bool QueueAhead { get; set; } = true;

    /// <summary>
    /// ONNX Runtime's <c>session.intra_op.allow_spinning</c>: intra-op threads spin between operators instead of
    /// sleeping (true, ONNX Runtime's default). Off, a run waits for sleeping threads to wake at every operator
    /// (4.6–4.75 ms instead of 3.4 here at 2 threads), but the cores are free for the rest of the station between runs.
    /// No effect with 1 intra-op thread (there is no pool).
    /// </summary>
    [AppliedLive]
    public bool IntraOpSpinning { get; set; } = true;

    /// <summary>ONNX Runtime's <c>session.inter_op.allow_spinning</c>; only matters with <see cref="ExecutionMode"/> Parallel.</summary>
    [AppliedLive]
    public bool InterOpSpinning { get; set; } = true;

    /// <summary>
    /// ONNX Runtime's <c>session.intra_op_thread_affinities</c>: the logical processors (numbered from 1) each of
    /// ONNX Runtime's own intra-op threads may run on, one entry per thread separated by ';', processors by ',' or
    /// a range 'a-b', e.g. "2" for IntraOpThreads 2 (the calling thread is the first and is not pinned). Unset
    /// (default): the OS places them. Needs a fixed IntraOpThreads; with 1 thread there is nothing to pin.
    /// </summary>
    [AppliedLive]
    public string? IntraOpThreadAffinities { get; set; }

    /// <summary>Sequential (default: one image, parallelism inside operators) or Parallel (independent branches at once).</summary>
    [AppliedLive]
    public ModelExecutionMode ExecutionMode { get; set; } = ModelExecutionMode.Sequential;

    /// <summary>
    /// Image files (classify) above this many pixels are refused from their header, before decoding: a
    /// 20 000 x 20 000 PNG would take 1.2 GB decoded. Default 50 MP.
    /// </summary>
    public long MaxImagePixels { get; set; } = 50_000_000;

    /// <summary>How many labels each record carries in <c>top</c>.</summary>
    [AppliedLive]
    public int TopK { get; set; } = 3;
}
