using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using SortStation.Core.Classification;
using SortStation.Core.Devices;

namespace SortStation.Vision;

/// <summary>
/// One input slot of <see cref="OnnxClassifier"/>: its own preprocessor, pinned input and output tensors bound
/// once to the shared session (IoBinding), so a frame is preprocessed straight into the tensor the model reads
/// and several slots can run at once (<c>InferenceSession</c> runs are thread-safe; the buffers are not).
/// </summary>
internal sealed class ClassifierSlot : IPreparedClassification, IDisposable
{
    private readonly OnnxClassifier _owner;
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

    public ClassifierSlot(OnnxClassifier owner, InferenceSession session, ModelMetadata metadata, (string Input, string Output, int Classes) io, int topK)
    {
        (_owner, _session, _metadata, _topK) = (owner, session, metadata, topK);
        _preprocessor = new ImagePreprocessor(metadata);
        _inputBuffer = new float[_preprocessor.TensorLength];
        _outputBuffer = new float[io.Classes];
        _probabilities = new float[io.Classes];
        _input = OrtValue.CreateTensorValueFromMemory(_inputBuffer, [1, 3, metadata.InputHeight, metadata.InputWidth]);
        _output = OrtValue.CreateTensorValueFromMemory(_outputBuffer, [1, io.Classes]);
        _binding = session.CreateIoBinding();
        _binding.BindInput(io.Input, _input);
        _binding.BindOutput(io.Output, _output);

        // Warm-up: the first run plans memory and JIT-compiles kernels; do it before the first item.
        session.RunWithBinding(_run, _binding);
    }

    public void Fill(Frame frame) => _preprocessor.Run(frame, _inputBuffer);

    public ClassificationResult Run()
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            _session.RunWithBinding(_run, _binding);
            var inference = Stopwatch.GetElapsedTime(started);
            Scores.ToProbabilities(_outputBuffer, _probabilities, _metadata.OutputsLogits, (float)_metadata.Temperature);
            return new ClassificationResult(Scores.TopK(_probabilities, _metadata.Labels, _topK), inference, _owner.Model);
        }
        finally
        {
            _owner.Return(this);
        }
    }

    public void Dispose()
    {
        _binding.Dispose();
        _input.Dispose();
        _output.Dispose();
        _run.Dispose();
        _preprocessor.Dispose();
    }
}
