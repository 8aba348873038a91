using Microsoft.ML.OnnxRuntime;
using SortStation.Vision;

namespace SortStation.Bench;

/// <summary>
/// The baseline: a plain InferenceSession.Run on the station classifier's own session (same model, same
/// session options, same intra-op thread pool) with the same input tensor. Outputs are allocated per run,
/// as plain Run does. A second session would bring a second thread pool whose spinning workers contend
/// with the first on two cores, and the comparison would measure that instead.
/// </summary>
internal sealed class RawInference : IDisposable
{
    private readonly InferenceSession _session;
    private readonly OrtValue _input;
    private readonly RunOptions _run = new();
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    public RawInference(OnnxClassifier classifier, float[] tensor)
    {
        var metadata = classifier.Metadata;
        _session = classifier.Session;
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
    }
}
