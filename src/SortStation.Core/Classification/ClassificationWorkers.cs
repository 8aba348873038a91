using System.Collections.Concurrent;

namespace SortStation.Core.Classification;

/// <summary>
/// Runs prepared classifications (<c>Model:Workers</c>). With one worker, the default, the caller's thread runs
/// the model: nothing changes hands. With several, each has a thread of its own and the sorting loop keeps that
/// many items classifying at once. Why: on two cores, two one-thread runs side by side classified 1.18× (fp32)
/// and 1.31× (int8) the images of one two-thread run at a time (bench <c>--only raw-concurrency</c>), because a
/// one-thread run never waits at an operator's end for a partner thread the OS has preempted.
/// </summary>
public sealed class ClassificationWorkers : IDisposable
{
    private readonly BlockingCollection<Job> _jobs = [];
    private readonly Thread[] _threads;

    /// <param name="count">Items classifying at once (<c>Model:Workers</c>).</param>
    /// <param name="queueAhead"><c>Model:QueueAhead</c>: with several workers, one more item may wait prepared in the queue.</param>
    public ClassificationWorkers(int count, bool queueAhead = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Count = count;
        InFlight = InFlightFor(count, queueAhead);
        _threads = new Thread[count == 1 ? 0 : count];
        for (var i = 0; i < _threads.Length; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = $"classify-{i + 1}" };
            _threads[i].Start();
        }
    }

    /// <summary>One worker: runs on the caller's thread and owns no thread, so it is shared and never needs disposing.</summary>
    public static ClassificationWorkers Inline { get; } = new(1);

    /// <summary>How many items may be classifying at once.</summary>
    public int Count { get; }

    /// <summary>
    /// How many items may be handed over (classifying or prepared and queued): <see cref="Count"/>, plus one with
    /// queue-ahead, so a worker that finishes takes the next item at once instead of idling while the loop finishes
    /// the last one and preprocesses the next (on two cores that idle gap was a core's worth of 0.3–0.5 ms per item).
    /// </summary>
    public int InFlight { get; }

    /// <summary>Items handed over at once for <paramref name="workers"/> (the classifier keeps that many input slots).</summary>
    public static int InFlightFor(int workers, bool queueAhead) => workers + (queueAhead && workers > 1 ? 1 : 0);

    /// <summary>
    /// Runs <paramref name="prepared"/>: inline with one worker (a model failure then throws here), else on the
    /// next free worker thread (a failure faults the task). Continuations never run on a worker thread.
    /// </summary>
    public Task<ClassificationResult> RunAsync(IPreparedClassification prepared)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        if (_threads.Length == 0)
        {
            return Task.FromResult(prepared.Run());
        }

        var job = new Job(prepared);
        _jobs.Add(job);
        return job.Task;
    }

    /// <summary>Lets the workers finish what was handed to them (every prepared input is run, so every slot is freed), then stops them.</summary>
    public void Dispose()
    {
        _jobs.CompleteAdding();
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _jobs.Dispose();
    }

    private void Work()
    {
        foreach (var job in _jobs.GetConsumingEnumerable())
        {
            try
            {
                job.SetResult(job.Prepared.Run());
            }
#pragma warning disable CA1031 // A failed run belongs to its item: the loop logs it there, and the worker goes on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                job.SetException(ex);
            }
        }
    }

    private sealed class Job(IPreparedClassification prepared) : TaskCompletionSource<ClassificationResult>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public IPreparedClassification Prepared { get; } = prepared;
    }
}
