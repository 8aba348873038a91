using System.Collections.Concurrent;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;
using SortStation.Contracts;
using SortStation.Core.Classification;
using SortStation.Core.Devices;
using SortStation.Core.Options;
using SortStation.Kernel.Options;

namespace SortStation.Vision;

/// <summary>
/// ONNX Runtime image classifier. One session for the life of the process, shared by
/// <c>Model:Workers</c> input slots (<see cref="ClassifierSlot"/>), each with pinned input and output tensors bound
/// once, so classifying a frame allocates no image-sized buffer and that many frames can classify at once.
/// </summary>
public sealed class OnnxClassifier : IClassifier, IDisposable
{
    private readonly InferenceSession _session;
    private readonly ClassifierSlot[] _slots;
    private readonly BlockingCollection<ClassifierSlot> _free = [];
    private readonly ModelMetadata _metadata;

    public OnnxClassifier(ModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _metadata = ModelMetadataLoader.Load(options);
        var topK = Math.Min(options.TopK, _metadata.Labels.Count);
        var (workers, threads) = ThreadDefaults.Resolve(options, Environment.ProcessorCount);
        IntraOpThreads = threads;
        _session = OpenSession(AppPaths.Resolve(options.Path)!, CreateSessionOptions(options, threads));
        var slots = new List<ClassifierSlot>();
        try
        {
            var inputName = _metadata.InputName ?? _session.InputMetadata.Keys.First();
            var outputName = _metadata.OutputName ?? _session.OutputMetadata.Keys.First();
            var classes = CheckShapes(inputName, outputName);

            // ONNX Runtime's intra-op threads own the cores. OpenCV's own worker pool would wake for every
            // resize and contend with them; the preprocessing is 0.2 ms on one thread. Process-wide.
            Cv2.SetNumThreads(1);
            for (var i = 0; i < ClassificationWorkers.InFlightFor(workers, options.QueueAhead); i++)
            {
                slots.Add(new ClassifierSlot(this, _session, _metadata, (inputName, outputName, classes), topK));
            }
        }
        catch
        {
            slots.ForEach(s => s.Dispose());
            _session.Dispose();
            throw;
        }

        _slots = [.. slots];
        slots.ForEach(_free.Add);
        Model = new ModelInfo(_metadata.Name, _metadata.Version, _metadata.Labels) { ContentHash = ModelHash.Of(ModelMetadataLoader.Files(options)) };
    }

    public ModelInfo Model { get; }

    public ModelMetadata Metadata => _metadata;

    /// <summary>The intra-op threads the session runs on (<c>auto</c> resolved).</summary>
    public int IntraOpThreads { get; }

    /// <summary>The session itself, for the benchmark's raw-Run baseline on the same threads and weights.</summary>
    internal InferenceSession Session => _session;

    public ClassificationResult Classify(Frame frame) => Prepare(frame).Run();

    /// <summary>Preprocesses <paramref name="frame"/> into a free slot, waiting for one while all are in use.</summary>
    public IPreparedClassification Prepare(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var slot = _free.Take();
        try
        {
            slot.Fill(frame);
            return slot;
        }
        catch
        {
            Return(slot);
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var slot in _slots)
        {
            slot.Dispose();
        }

        _free.Dispose();
        _session.Dispose();
    }

    internal void Return(ClassifierSlot slot) => _free.Add(slot);

    /// <summary>A file ONNX Runtime cannot load (truncated, not ONNX, unsupported operator) is bad data, reported as a configuration error (exit 2).</summary>
    private static InferenceSession OpenSession(string path, SessionOptions options)
    {
        try
        {
            using (options)
            {
                return new InferenceSession(path, options);
            }
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InvalidDataException($"{path} is not a model ONNX Runtime can load: {ex.Message}", ex);
        }
    }

    /// <summary>The session settings of <c>Model:*</c> (bench/README.md says what each gave).</summary>
    private static SessionOptions CreateSessionOptions(ModelOptions options, int intraOpThreads)
    {
        var parallel = options.ExecutionMode == ModelExecutionMode.Parallel;
        var session = new SessionOptions
        {
            // All graph optimisations (constant folding, conv+BN/activation fusion) are done once at load.
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            // Sequential: one image per run, parallelism comes from inside the operators, not between them.
            ExecutionMode = parallel ? ExecutionMode.ORT_PARALLEL : ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = intraOpThreads,
            // Parallel runs independent branches on ONNX Runtime's inter-op pool (0: its default, one per core).
            InterOpNumThreads = parallel ? 0 : 1,
        };
        try
        {
            // Spinning (ONNX Runtime's default) keeps a run fast (3.4 vs 4.6-4.75 ms at 2 threads here) but the
            // spinning threads take the cores the station's other threads need between operators and runs.
            session.AddSessionConfigEntry("session.intra_op.allow_spinning", options.IntraOpSpinning ? "1" : "0");
            session.AddSessionConfigEntry("session.inter_op.allow_spinning", options.InterOpSpinning ? "1" : "0");
            if (!string.IsNullOrWhiteSpace(options.IntraOpThreadAffinities) && intraOpThreads > 1)
            {
                session.AddSessionConfigEntry("session.intra_op_thread_affinities", options.IntraOpThreadAffinities.Trim());
            }

            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private int CheckShapes(string inputName, string outputName)
    {
        if (!_session.InputMetadata.TryGetValue(inputName, out var input) || !_session.OutputMetadata.TryGetValue(outputName, out var output))
        {
            throw new InvalidDataException($"Model has no input '{inputName}' or output '{outputName}'; it has inputs [{string.Join(", ", _session.InputMetadata.Keys)}] and outputs [{string.Join(", ", _session.OutputMetadata.Keys)}].");
        }

        var d = input.Dimensions;
        if (d.Length != 4 || (d[1] > 0 && d[1] != 3) || (d[2] > 0 && d[2] != _metadata.InputHeight) || (d[3] > 0 && d[3] != _metadata.InputWidth))
        {
            throw new InvalidDataException($"Model input '{inputName}' has shape [{string.Join(",", d)}]; the metadata says NCHW 1x3x{_metadata.InputHeight}x{_metadata.InputWidth}.");
        }

        var classes = output.Dimensions[^1];
        if (classes != _metadata.Labels.Count)
        {
            throw new InvalidDataException($"Model output '{outputName}' has {classes} classes but {_metadata.Labels.Count} labels are configured.");
        }

        return classes;
    }
}
