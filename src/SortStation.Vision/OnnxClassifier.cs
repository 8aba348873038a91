using System.Collections.Concurrent;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;
using SortStation.Contracts;
using SortStation.Core.Classification;
using SortStation.Core.Devices;
using SortStation.Core.Options;

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
        _session = OpenSession(AppPaths.Resolve(options.Path)!, options.IntraOpThreads);
        var slots = new List<ClassifierSlot>();
        try
        {
            var inputName = _metadata.InputName ?? _session.InputMetadata.Keys.First();
            var outputName = _metadata.OutputName ?? _session.OutputMetadata.Keys.First();
            var classes = CheckShapes(inputName, outputName);

            // ONNX Runtime's intra-op threads own the cores. OpenCV's own worker pool would wake for every
            // resize and contend with them; the preprocessing is 0.2 ms on one thread. Process-wide.
            Cv2.SetNumThreads(1);
            for (var i = 0; i < Math.Max(1, options.Workers); i++)
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
        Model = new ModelInfo(_metadata.Name, _metadata.Version, _metadata.Labels) { ContentHash = ModelHash.Of(AppPaths.Resolve(options.Path)!) };
    }

    public ModelInfo Model { get; }

    public ModelMetadata Metadata => _metadata;

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
    private static InferenceSession OpenSession(string path, int intraOpThreads)
    {
        try
        {
            return new InferenceSession(path, CreateSessionOptions(intraOpThreads));
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InvalidDataException($"{path} is not a model ONNX Runtime can load: {ex.Message}", ex);
        }
    }

    private static SessionOptions CreateSessionOptions(int intraOpThreads) => new()
    {
        // All graph optimisations (constant folding, conv+BN/activation fusion) are done once at load.
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        // One image per run: parallelism comes from inside the operators, not between them.
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        // Workers keep ONNX Runtime's default spinning between operators: with
        // session.intra_op.allow_spinning=0 a run took 4.6-4.75 ms instead of 3.4 ms (2 threads, bench breakdown),
        // as every operator then waits for a sleeping worker to wake.
        IntraOpNumThreads = intraOpThreads,
        InterOpNumThreads = 1,
    };

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
