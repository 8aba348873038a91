using SortStation.Core.Classification;
using SortStation.Core.Devices;
using SortStation.Core.Options;

namespace SortStation.Vision;

/// <summary>
/// The station's classifier, replaceable while the belt runs: a candidate model is loaded, run on a
/// sample frame and checked before it is swapped in atomically; a model that fails any step is refused
/// and the current one keeps classifying. The old session is disposed once no frame is using it.
/// </summary>
public sealed class SwappableClassifier : IClassifier, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Func<ModelOptions, IClassifier> _load;
    private IClassifier _current;
    private long _swaps;
    private long _refusals;
    private bool _disposed;

    public SwappableClassifier(ModelOptions options, Func<ModelOptions, IClassifier>? load = null)
    {
        _load = load ?? (o => new OnnxClassifier(o));
        _current = _load(options ?? throw new ArgumentNullException(nameof(options)));
    }

    public ModelInfo Model => Volatile.Read(ref _current).Model;

    /// <summary>Models swapped in since start.</summary>
    public long Swaps => Interlocked.Read(ref _swaps);

    /// <summary>Candidate models refused since start.</summary>
    public long Refusals => Interlocked.Read(ref _refusals);

    /// <summary>Why the last candidate was refused; null after a successful swap.</summary>
    public string? LastRefusal { get; private set; }

    public ClassificationResult Classify(Frame frame)
    {
        // Held for the whole call so a swap never disposes a session mid-inference; the ONNX classifier
        // serialises its own runs anyway, so this adds no contention.
        lock (_gate)
        {
            return _current.Classify(frame);
        }
    }

    /// <summary>Loads <paramref name="options"/>, checks it on <paramref name="sample"/> and swaps it in; returns the previous model, or throws and keeps the current one.</summary>
    public ModelInfo Swap(ModelOptions options, Frame sample)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sample);
        IClassifier? candidate = null;
        try
        {
            candidate = _load(options);
            ModelCheck.Run(candidate, sample);
        }
#pragma warning disable CA1031 // Whatever is wrong with the candidate (file, format, shapes, scores), the answer is the same: refuse it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            (candidate as IDisposable)?.Dispose();
            Interlocked.Increment(ref _refusals);
            LastRefusal = ex.Message;
            throw new ModelRefusedException($"Model {options.Path} refused, the current model keeps sorting: {ex.Message}", ex);
        }

        IClassifier previous;
        lock (_gate)
        {
            previous = _current;
            Volatile.Write(ref _current, candidate);
        }

        (previous as IDisposable)?.Dispose();
        Interlocked.Increment(ref _swaps);
        LastRefusal = null;
        return previous.Model;
    }

    public void Dispose()
    {
        // Registered as itself and as IClassifier, so the container may dispose it twice.
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                (_current as IDisposable)?.Dispose();
            }
        }
    }
}
