using SortStation.Core.Classification;
using SortStation.Core.Devices;
using SortStation.Core.Options;

namespace SortStation.Vision;

/// <summary>
/// The station's classifier, replaceable while the belt runs: a candidate model is loaded, run on a
/// sample frame and checked before it is swapped in atomically; a model that fails any step is refused
/// and the current one keeps classifying. The old session is disposed once no frame is using it: every
/// prepared frame holds the model it was prepared for until it has run (frames classify concurrently).
/// </summary>
public sealed class SwappableClassifier : IClassifier, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Func<ModelOptions, IClassifier> _load;
    private Loaded _current;
    private long _swaps;
    private long _refusals;
    private bool _disposed;

    public SwappableClassifier(ModelOptions options, Func<ModelOptions, IClassifier>? load = null)
    {
        _load = load ?? (o => new OnnxClassifier(o));
        _current = new Loaded(_load(options ?? throw new ArgumentNullException(nameof(options))));
    }

    public ModelInfo Model => Volatile.Read(ref _current).Classifier.Model;

    /// <summary>Models swapped in since start.</summary>
    public long Swaps => Interlocked.Read(ref _swaps);

    /// <summary>Candidate models refused since start.</summary>
    public long Refusals => Interlocked.Read(ref _refusals);

    /// <summary>Why the last candidate was refused; null after a successful swap.</summary>
    public string? LastRefusal { get; private set; }

    public ClassificationResult Classify(Frame frame) => Prepare(frame).Run();

    public IPreparedClassification Prepare(Frame frame)
    {
        Loaded loaded;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            loaded = _current;
            loaded.Users++;
        }

        try
        {
            return new Prepared(this, loaded, loaded.Classifier.Prepare(frame));
        }
        catch
        {
            Drop(loaded, retire: false);
            throw;
        }
    }

    /// <summary>
    /// Loads <paramref name="options"/>, checks it on <paramref name="sample"/> (and with <paramref name="accept"/>,
    /// which throws to refuse it) and swaps it in; returns the previous model, or throws and keeps the current one.
    /// </summary>
    public ModelInfo Swap(ModelOptions options, Frame sample, Action<ModelInfo>? accept = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sample);
        IClassifier? candidate = null;
        try
        {
            candidate = _load(options);
            ModelCheck.Run(candidate, sample);
            accept?.Invoke(candidate.Model);
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

        Loaded previous;
        lock (_gate)
        {
            previous = _current;
            Volatile.Write(ref _current, new Loaded(candidate));
        }

        Drop(previous, retire: true);
        Interlocked.Increment(ref _swaps);
        LastRefusal = null;
        return previous.Classifier.Model;
    }

    public void Dispose()
    {
        // Registered as itself and as IClassifier, so the container may dispose it twice.
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        Drop(_current, retire: true);
    }

    /// <summary>
    /// The model is swapped out (<paramref name="retire"/>) or a prepared frame has run on it; whichever comes last
    /// (retired, no frame left on it) disposes it.
    /// </summary>
    private void Drop(Loaded loaded, bool retire)
    {
        bool dispose;
        lock (_gate)
        {
            if (retire)
            {
                loaded.Retired = true;
            }
            else
            {
                loaded.Users--;
            }

            dispose = loaded.Retired && loaded.Users == 0;
        }

        if (dispose)
        {
            (loaded.Classifier as IDisposable)?.Dispose();
        }
    }

    /// <summary>A model, how many prepared frames still use it, and whether it has been swapped out.</summary>
    private sealed class Loaded(IClassifier classifier)
    {
        public IClassifier Classifier { get; } = classifier;

        public int Users { get; set; }

        public bool Retired { get; set; }
    }

    private sealed class Prepared(SwappableClassifier owner, Loaded loaded, IPreparedClassification inner) : IPreparedClassification
    {
        public ClassificationResult Run()
        {
            try
            {
                return inner.Run();
            }
            finally
            {
                owner.Drop(loaded, retire: false);
            }
        }
    }
}
