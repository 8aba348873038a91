using System.Collections.Concurrent;
using SortStation.Contracts;
using SortStation.Core.Classification;
using SortStation.Core.Devices;

namespace SortStation.Core.Tests.Support;

/// <summary>
/// A classifier whose runs wait until the test releases them: frames are numbered 1, 2, … as they are prepared,
/// and run k returns once <see cref="Release"/>(k) (or <see cref="Fail"/>(k)) is called. Odd frames are glass,
/// even ones paper. Counts runs in progress, so a test can see how many items classify at once.
/// </summary>
public sealed class GatedClassifier : IClassifier
{
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _gates = new();
    private int _prepared;
    private int _running;
    private int _maxRunning;
    private int _ran;

    /// <summary>The current model; a test may swap it while frames are prepared (they keep the one they were prepared on).</summary>
    public ModelInfo Model { get; set; } = new("gated", "1", ["glass", "paper"]);

    public int Prepared => Volatile.Read(ref _prepared);

    public int Running => Volatile.Read(ref _running);

    public int MaxRunning => Volatile.Read(ref _maxRunning);

    /// <summary>Runs that have returned or thrown.</summary>
    public int Ran => Volatile.Read(ref _ran);

    public void Release(int frame) => Gate(frame).TrySetResult();

    public void Fail(int frame) => Gate(frame).TrySetException(new InvalidOperationException($"model failed on frame {frame}"));

    public ClassificationResult Classify(Frame frame) => Prepare(frame).Run();

    public IPreparedClassification Prepare(Frame frame) => new Pending(this, Interlocked.Increment(ref _prepared), Model);

    private TaskCompletionSource Gate(int frame) => _gates.GetOrAdd(frame, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private sealed class Pending(GatedClassifier owner, int frame, ModelInfo model) : IPreparedClassification
    {
        public ClassificationResult Run()
        {
            var running = Interlocked.Increment(ref owner._running);
            for (var max = owner.MaxRunning; running > max; max = owner.MaxRunning)
            {
                Interlocked.CompareExchange(ref owner._maxRunning, running, max);
            }

            try
            {
                owner.Gate(frame).Task.WaitAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
                var label = frame % 2 == 1 ? "glass" : "paper";
                return new ClassificationResult([new LabelScore(label, 0.9)], TimeSpan.FromMilliseconds(5), model);
            }
            finally
            {
                Interlocked.Decrement(ref owner._running);
                Interlocked.Increment(ref owner._ran);
            }
        }
    }
}
