using Microsoft.ML.OnnxRuntime;

namespace SortStation.Bench;

/// <summary>
/// The baseline: a plain InferenceSession.Run on the same model and the same input tensor, with the
/// same session settings as the station's classifier. Outputs are allocated per run, as plain Run does.
/// </summary>
internal sealed class RawInference : IDisposable
{
    private readonly InferenceSession _session;
    private readonly OrtValue _input;
    private readonly RunOptions _run = new();
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    public RawInference(string modelPath, SortStation.Vision.ModelMetadata metadata, float[] tensor, int intraOpThreads)
    {
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
        };
        _session = new InferenceSession(modelPath, options);
        _input = OrtValue.CreateTensorValueFromMemory(tensor, [1, 3, metadata.InputHeight, metadata.InputWidth]);
        _inputNames = [metadata.InputName ?? _session.InputMetadata.Keys.First()];
        _outputNames = [metadata.OutputName ?? _session.OutputMetadata.Keys.First()];
    }

    public void Run()
    {
        using var outputs = _session.Run(_run, _inputNames, [_input], _outputNames);
    }

    public void Dispose()
    {
        _input.Dispose();
        _run.Dispose();
        _session.Dispose();
    }
}
