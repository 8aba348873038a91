using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;
using SortStation.Contracts;
using SortStation.Core.Classification;
using SortStation.Core.Devices;
using SortStation.Core.Options;

namespace SortStation.Vision;

/// <summary>
/// ONNX Runtime image classifier. One session for the life of the process; input and output tensors are
/// pinned managed arrays bound once (IoBinding), so classifying a frame allocates no image-sized buffer.
/// </summary>
public sealed class OnnxClassifier : IClassifier, IDisposable
{
    private readonly Lock _gate = new();
    private readonly InferenceSession _session;
    private readonly RunOptions _run = new();
    private readonly OrtIoBinding _binding;
    private readonly OrtValue _input;
    private readonly OrtValue _output;
    private readonly float[] _inputBuffer;
    private readonly float[] _outputBuffer;
    private readonly float[] _probabilities;
    private readonly ImagePreprocessor _preprocessor;
    private readonly ModelMetadata _metadata;
    private readonly int _topK;

    public OnnxClassifier(ModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _metadata = ModelMetadataLoader.Load(options);
        _topK = Math.Min(options.TopK, _metadata.Labels.Count);
        _session = new InferenceSession(AppPaths.Resolve(options.Path), CreateSessionOptions(options.IntraOpThreads));
        try
        {
            var inputName = _metadata.InputName ?? _session.InputMetadata.Keys.First();
            var outputName = _metadata.OutputName ?? _session.OutputMetadata.Keys.First();
            var classes = CheckShapes(inputName, outputName);

            // ONNX Runtime's intra-op threads own the cores. OpenCV's own worker pool would wake for every
            // resize and contend with them; the preprocessing is 0.2 ms on one thread. Process-wide.
            Cv2.SetNumThreads(1);
            _preprocessor = new ImagePreprocessor(_metadata);
            _inputBuffer = new float[_preprocessor.TensorLength];
            _outputBuffer = new float[classes];
            _probabilities = new float[classes];
            _input = OrtValue.CreateTensorValueFromMemory(_inputBuffer, [1, 3, _metadata.InputHeight, _metadata.InputWidth]);
            _output = OrtValue.CreateTensorValueFromMemory(_outputBuffer, [1, classes]);
            _binding = _session.CreateIoBinding();
            _binding.BindInput(inputName, _input);
            _binding.BindOutput(outputName, _output);

            // Warm-up: the first run plans memory and JIT-compiles kernels; do it before the first item.
            _session.RunWithBinding(_run, _binding);
        }
        catch
        {
            _session.Dispose();
            throw;
        }

        Model = new ModelInfo(_metadata.Name, _metadata.Version, _metadata.Labels);
    }

    public ModelInfo Model { get; }

    public ModelMetadata Metadata => _metadata;

    /// <summary>The session itself, for the benchmark's raw-Run baseline on the same threads and weights.</summary>
    internal InferenceSession Session => _session;

    public ClassificationResult Classify(Frame frame)
    {
        lock (_gate)
        {
            _preprocessor.Run(frame, _inputBuffer);
            var started = Stopwatch.GetTimestamp();
            _session.RunWithBinding(_run, _binding);
            var inference = Stopwatch.GetElapsedTime(started);
            Scores.ToProbabilities(_outputBuffer, _probabilities, _metadata.OutputsLogits);
            return new ClassificationResult(Scores.TopK(_probabilities, _metadata.Labels, _topK), inference);
        }
    }

    public void Dispose()
    {
        _binding.Dispose();
        _input.Dispose();
        _output.Dispose();
        _run.Dispose();
        _session.Dispose();
        _preprocessor.Dispose();
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
